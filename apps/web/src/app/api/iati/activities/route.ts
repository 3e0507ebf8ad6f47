import { publishedActivitiesFile, publishedFileResponse } from "@portal/api/services";
import { http } from "@/server/http";

export const dynamic = "force-dynamic";

/** Public, unauthenticated: the published grants as IATI 2.03 (`?illustrative=include` adds marked demo records). */
export const GET = http.publicRoute(
  async ({ ctx, request, url }) => {
    const file = await publishedActivitiesFile(ctx.db, {
      illustrative: url.searchParams.get("illustrative") === "include",
    });
    if (!file) return new Response("No activity has been published yet.", { status: 404 });
    return publishedFileResponse(request, file, "activities.xml");
  },
  { name: "iati.activities" },
);
