import type { AdminRouter } from "@portal/api";
import { apiHooks } from "@portal/ui/api-hooks";
import type { TRPCClient } from "@trpc/client";

/**
 * The API for client components (forms and actions), typed by this app's router; pages read through the server
 * caller. The tRPC client itself loads after hydration (see `@portal/ui/api-hooks`), so no page ships it.
 */
export const { useApiMutation, useApiQuery } = apiHooks<TRPCClient<AdminRouter>>();
