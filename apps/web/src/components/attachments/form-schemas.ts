import { z } from "zod";

/** The report form's schema, loaded (with zod) after the page has hydrated (useLazySchema). */
export function reportBodySchema(m: { bodyRequired: string; bodyTooLong: string }) {
  return z.object({
    body: z.string().trim().min(1, { error: m.bodyRequired }).max(20_000, { error: m.bodyTooLong }),
  });
}
