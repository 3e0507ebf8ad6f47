import {
  attachmentContents,
  type DbOrTx,
  grants,
  reportAttachments,
  reportingRequirements,
  reportSubmissions,
} from "@portal/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { visibleGrants } from "../grants/grant-scope";

const attachmentId = z.uuid();

/**
 * An attachment's bytes for download, for those entitled to its grant (staff, or members of the grant's
 * organisation, through visibleGrants). Anyone else, and any malformed id, gets NOT_FOUND.
 */
export async function openAttachment(db: DbOrTx, actor: Actor, id: string) {
  if (!attachmentId.safeParse(id).success) throw refusal("NOT_FOUND", "noSuchAttachment");
  const [row] = await db
    .select({
      id: reportAttachments.id,
      fileName: reportAttachments.fileName,
      contentType: reportAttachments.contentType,
      sizeBytes: reportAttachments.sizeBytes,
      sha256: reportAttachments.sha256,
      content: attachmentContents.content,
    })
    .from(reportAttachments)
    .innerJoin(attachmentContents, eq(attachmentContents.storageKey, reportAttachments.storageKey))
    .innerJoin(reportSubmissions, eq(reportSubmissions.id, reportAttachments.submissionId))
    .innerJoin(reportingRequirements, eq(reportingRequirements.id, reportSubmissions.requirementId))
    .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
    .where(and(eq(reportAttachments.id, id), visibleGrants(actor)));
  if (!row) throw refusal("NOT_FOUND", "noSuchAttachment");
  return row;
}
