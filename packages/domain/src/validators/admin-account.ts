import { z } from "zod";
import { msg } from "./messages";

/** The first admin, created by `npm run admin:create` on a deployment's empty database. */
export const createAdminAccountInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { ...msg("theEmailAddressIsTooLong") })
    .pipe(z.email({ ...msg("enterAValidEmailAddress") })),
  name: z
    .string()
    .trim()
    .min(1, { ...msg("enterAName") })
    .max(200, { ...msg("theNameIsTooLong") }),
  password: z
    .string()
    .min(12, { ...msg("thePasswordMustBeAtLeast12") })
    .max(256, { ...msg("thePasswordIsTooLong") }),
});
export type CreateAdminAccountInput = z.input<typeof createAdminAccountInput>;
