import type { AuditEntityType } from "../audit/write-audit";

/**
 * The entity types of partnership and link audit events. write-audit.ts lists only the ledger's entity types, so
 * these are cast to its type (the column is text), as the admin services do.
 */
export const PARTNERSHIP_AUDIT_ENTITY = {
  partnership: "partnership" as AuditEntityType,
  relation: "organisation_relation" as AuditEntityType,
} as const;
