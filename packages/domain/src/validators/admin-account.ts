import { z } from "zod";

/** The first admin, created by `npm run admin:create` on a deployment's empty database. */
export const createAdminAccountInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { error: "The email address is too long." })
    .pipe(z.email({ error: "Enter a valid email address." })),
  name: z.string().trim().min(1, { error: "Enter a name." }).max(200, { error: "The name is too long." }),
  password: z
    .string()
    .min(12, { error: "The password must be at least 12 characters." })
    .max(256, { error: "The password is too long." }),
});
export type CreateAdminAccountInput = z.input<typeof createAdminAccountInput>;
