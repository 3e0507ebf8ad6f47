"use client";

import type { WebRouter } from "@portal/api";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ComponentType, type ReactNode, useState } from "react";
import superjson from "superjson";

export const { TRPCProvider, useTRPC } = createTRPCContext<WebRouter>();

interface Clients {
  queryClient: QueryClient;
  trpcClient: TRPCClient<WebRouter>;
}

function makeClients(): Clients {
  return {
    queryClient: new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }),
    trpcClient: createTRPCClient<WebRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })] }),
  };
}

let browserClients: Clients | undefined;
/** One pair per browser tab, shared by every control on the page; a fresh pair per server render. */
const clients = () => (typeof window === "undefined" ? makeClients() : (browserClients ??= makeClients()));

/** tRPC + TanStack Query for client components (forms and actions); pages read through the server caller. */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [{ queryClient, trpcClient }] = useState(clients);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/**
 * A control that calls the API, inside its own provider. The root layout has none, so read-only pages do not
 * download the tRPC client, TanStack Query and superjson; the controls that need them bring them.
 */
export function withTRPC<Props extends object>(Component: ComponentType<Props>) {
  function WithTRPC(props: Props) {
    return (
      <TRPCReactProvider>
        <Component {...props} />
      </TRPCReactProvider>
    );
  }
  WithTRPC.displayName = `withTRPC(${Component.displayName ?? Component.name})`;
  return WithTRPC;
}
