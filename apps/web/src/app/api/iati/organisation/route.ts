import { publishedFileResponse, publishedOrganisationFile } from "@portal/api/services";
import { getDb } from "@portal/db/runtime";

export const dynamic = "force-dynamic";

/** Public, unauthenticated: the ministry's IATI organisation file (`?illustrative=include` adds marked budgets). */
export async function GET(request: Request) {
  const illustrative = new URL(request.url).searchParams.get("illustrative") === "include";
  const file = await publishedOrganisationFile(getDb(), { illustrative });
  return publishedFileResponse(request, file, "organisation.xml");
}
