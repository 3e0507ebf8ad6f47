import { publishedFileResponse, publishedOrganisationFile } from "@portal/api/services";
import { http } from "@/server/http";

export const dynamic = "force-dynamic";

/** Public, unauthenticated: the ministry's IATI organisation file (`?illustrative=include` adds marked budgets). */
export const GET = http.publicRoute(
  async ({ ctx, request, url }) => {
    const file = await publishedOrganisationFile(ctx.db, {
      illustrative: url.searchParams.get("illustrative") === "include",
    });
    return publishedFileResponse(request, file, "organisation.xml");
  },
  { name: "iati.organisation" },
);
