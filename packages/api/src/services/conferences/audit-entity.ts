import type { AuditEntityType } from "../audit/write-audit";

/**
 * The entity type of a conference's audit events ("conference", as the seed writes them). write-audit.ts lists only
 * the ledger's entity types, so it is cast to its type (the column is text), as the admin services do.
 */
export const CONFERENCE_AUDIT_ENTITY = "conference" as AuditEntityType;
