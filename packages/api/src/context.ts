import type { Database } from "@portal/db";
import { getDb } from "@portal/db/runtime";
import type { Role } from "@portal/domain";
import { randomUUID } from "node:crypto";
import type { Context } from "./trpc";

export interface SessionLike {
  user: { id: string; role: Role; organisationIds: readonly string[] };
  /** Whether this session's sign-in proved a second factor (TOTP). */
  secondFactor?: boolean;
  sessionId?: string;
}

/** The request context both apps build from their session (already re-read from the database by the auth layer). */
export function createContext(
  session: SessionLike | null,
  locale: "en" | "fr",
  requestId: string = randomUUID(),
  db: Database = getDb(),
): Context {
  return {
    db,
    locale,
    requestId,
    actor: session
      ? {
          userId: session.user.id,
          role: session.user.role,
          organisationIds: session.user.organisationIds,
          secondFactor: session.secondFactor ?? false,
          sessionId: session.sessionId,
          requestId,
        }
      : null,
  };
}
