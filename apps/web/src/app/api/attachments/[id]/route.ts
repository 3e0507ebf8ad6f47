import { DomainError } from "@portal/api";
import { contentDisposition, openAttachment } from "@portal/api/services";
import { getDb } from "@portal/db/runtime";
import { plainError, requestActor } from "../../exports/_lib/request";

export const dynamic = "force-dynamic";

/**
 * Downloads a report attachment for those entitled to its grant (staff, or members of the grant's organisation);
 * anyone else gets the same 404 as for a file that does not exist. Always a download, never rendered in the page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requestActor(request);
  if (!actor) return plainError(401, "Please sign in.");
  const { id } = await params;
  try {
    const file = await openAttachment(getDb(), actor, id);
    return new Response(new Uint8Array(file.content), {
      status: 200,
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.content.byteLength),
        "Content-Disposition": contentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
        "Cross-Origin-Resource-Policy": "same-origin",
        ETag: `"${file.sha256}"`,
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return plainError(404, "Not found.");
    throw error;
  }
}
