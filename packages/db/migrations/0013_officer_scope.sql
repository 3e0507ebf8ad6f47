-- Officer programme scope (issue 10, item 2): whether an officer sees grants outside their programmes read-only
-- (the default: the ministry's officers may read each other's files) or not at all. The programmes themselves are
-- officer_programmes rows (migration 0000); an officer with none manages nothing.
CREATE TYPE "public"."outside_programme_access" AS ENUM('read_only', 'hidden');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "outside_programme_access" "outside_programme_access" DEFAULT 'read_only' NOT NULL;
