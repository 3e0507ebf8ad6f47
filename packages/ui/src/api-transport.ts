import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";

/**
 * The tRPC client and superjson, in a chunk of their own: `api-hooks` imports this module on first use (or right
 * after the page hydrates), so no page downloads it to show itself. Both apps serve their API at /api/trpc.
 */
export function createApiClient(): unknown {
  // The router type only matters to callers; `api-hooks` gives the client each app's own type.
  return createTRPCClient({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })] });
}
