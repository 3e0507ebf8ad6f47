import { TRPCClientError } from "@trpc/client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

interface ErrorData {
  domainCode?: string | null;
  field?: string | null;
  fieldErrors?: Record<string, string> | null;
}

/**
 * Puts a server error where the person will look for it: on the field it names (from a DomainError's `field` or
 * zod's per-field messages), otherwise on the form as a whole ("root.server").
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fallback: string,
): void {
  if (!(error instanceof TRPCClientError)) {
    setError("root.server", { message: fallback });
    return;
  }
  const data = (error.data ?? {}) as ErrorData;
  if (data.fieldErrors && Object.keys(data.fieldErrors).length > 0) {
    for (const [field, message] of Object.entries(data.fieldErrors))
      setError((field || "root.server") as Path<T>, { message });
    return;
  }
  if (data.field) {
    setError(data.field as Path<T>, { message: error.message });
    return;
  }
  setError("root.server", { message: error.message || fallback });
}
