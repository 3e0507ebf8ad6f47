"use client";

import { useEffect, useMemo } from "react";
import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A react-hook-form resolver whose validator (zod, the API's own schema and its resolver adapter) is a separate
 * chunk: a form page shows and hydrates without it, the chunk is fetched right after hydration, and a check that
 * comes before it has arrived waits for it. `load` imports the form's schema module and builds the resolver; it runs
 * once per change of `deps` (the locale and messages the schema is built with).
 */
export function useLazyResolver<Values extends FieldValues, Output = Values>(
  load: () => Promise<Resolver<Values, unknown, Output>>,
  deps: readonly unknown[],
): Resolver<Values, unknown, Output> {
  // The caller names what the loaded resolver depends on (like useMemo's list).
  const loading = useMemo(() => lazy(load), deps);
  useEffect(() => void loading.get().catch(() => undefined), [loading]);
  return loading.resolver;
}

function lazy<Values extends FieldValues, Output>(load: () => Promise<Resolver<Values, unknown, Output>>) {
  let loaded: Promise<Resolver<Values, unknown, Output>> | undefined;
  // A failed fetch (offline for a moment) is retried by the next check instead of failing every check after it.
  const get = () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
  const resolver: Resolver<Values, unknown, Output> = async (values, context, options) =>
    (await get())(values, context, options);
  return { get, resolver };
}
