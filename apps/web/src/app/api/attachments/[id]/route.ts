import { downloadResponse } from "@portal/api/http";
import { openAttachment } from "@portal/api/services";
import { http } from "@/server/http";

export const dynamic = "force-dynamic";

/**
 * Downloads a report attachment for those entitled to its grant (staff, or members of the grant's organisation);
 * anyone else gets the same 404 as for a file that does not exist. Always a download, never rendered in the page.
 */
export const GET = http.route<{ id: string }>(
  async ({ ctx, params }) => downloadResponse(await openAttachment(ctx.db, ctx.actor, params.id)),
  { name: "attachments.download" },
);
