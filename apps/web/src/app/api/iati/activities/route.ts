import { publishedActivitiesFile, publishedFileResponse } from "@portal/api/services";
import { getDb } from "@portal/db/runtime";

export const dynamic = "force-dynamic";

/** Public, unauthenticated: the published grants as IATI 2.03 (`?illustrative=include` adds marked demo records). */
export async function GET(request: Request) {
  const illustrative = new URL(request.url).searchParams.get("illustrative") === "include";
  const file = await publishedActivitiesFile(getDb(), { illustrative });
  if (!file) return new Response("No activity has been published yet.", { status: 404 });
  return publishedFileResponse(request, file, "activities.xml");
}
