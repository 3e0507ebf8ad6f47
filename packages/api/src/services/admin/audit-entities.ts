import type { AuditEntityType } from "../audit/write-audit";

/**
 * The records the admin console changes. write-audit.ts lists only the ledger's entity types, so these are cast to
 * its type (the column is text); the invitations service does the same for "invitation".
 */
export const ADMIN_AUDIT_ENTITY = {
  user: "user" as AuditEntityType,
  membership: "membership" as AuditEntityType,
  organisation: "organisation" as AuditEntityType,
} as const;
