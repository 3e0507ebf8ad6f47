"use client";

import { toast } from "@portal/ui/toast";
import { isApiError } from "@portal/ui/server-errors";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/**
 * Runs a mutation, then re-renders the server page so every figure on it (totals, budgets, audit trail) is read
 * fresh from the ledger. Errors come back as the server's own plain-language message; success, when the caller names
 * it, is said in a toast (a changed figure alone is easy to miss).
 */
export function useRefreshingMutation<TInput>(
  mutate: (input: TInput) => Promise<unknown>,
  fallback: string,
  success?: (input: TInput) => string,
) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [refreshing, startTransition] = useTransition();
  async function run(input: TInput): Promise<boolean> {
    setError(null);
    setPending(true);
    try {
      await mutate(input);
      if (success) toast.success(success(input));
      startTransition(() => router.refresh());
      return true;
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : fallback);
      return false;
    } finally {
      setPending(false);
    }
  }
  return { run, error, pending: pending || refreshing, clearError: () => setError(null) };
}
