import type { ReactNode } from "react";
import { requireCapability } from "@/server/require";

/**
 * The capability check runs here, above the page's loading boundary: once that boundary has streamed, a notFound()
 * from the page can no longer change the status, and partners would get "Page not found" with HTTP 200.
 */
export default async function TreatyLayout({ children }: { children: ReactNode }) {
  await requireCapability("grants.view.all");
  return children;
}
