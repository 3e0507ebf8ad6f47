"use client";

import { useEffect, useMemo } from "react";
import type { Validate } from "./form-store";

/**
 * A form's check whose validator (zod and the API's own schema) is a separate chunk: a form page shows and hydrates
 * without it, the chunk is fetched right after hydration, and a check that comes before it has arrived waits for it.
 * `load` imports the form's schema module and builds the check (`schemaValidator`); it runs once per change of `deps`
 * (the locale and messages the schema is built with).
 */
export function useLazySchema<Values, Output = Values>(
  load: () => Promise<Validate<Values, Output>>,
  deps: readonly unknown[],
): Validate<Values, Output> {
  // The caller names what the loaded check depends on (like useMemo's list).
  const loading = useMemo(() => lazy(load), deps);
  useEffect(() => void loading.get().catch(() => undefined), [loading]);
  return loading.validate;
}

function lazy<Values, Output>(load: () => Promise<Validate<Values, Output>>) {
  let loaded: Promise<Validate<Values, Output>> | undefined;
  // A failed fetch (offline for a moment) is retried by the next check instead of failing every check after it.
  const get = () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
  const validate: Validate<Values, Output> = async (values) => (await get())(values);
  return { get, validate };
}
