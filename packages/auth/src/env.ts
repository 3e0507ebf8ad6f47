import { z } from "zod";

const DEV_ONLY_SECRET = "dev-only-secret-never-use-in-production-6f1d2a";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    AUTH_SECRET: z
      .string()
      .min(32, "AUTH_SECRET must be at least 32 characters (generate one with `openssl rand -base64 33`)")
      .optional(),
    AUTH_OIDC_ISSUER: z.url("AUTH_OIDC_ISSUER must be the issuer URL of your OpenID Connect provider").optional(),
    AUTH_OIDC_ID: z.string().min(1).optional(),
    AUTH_OIDC_SECRET: z.string().min(1).optional(),
    AUTH_OIDC_NAME: z.string().min(1).default("Single sign-on"),
    AUTH_SESSION_MAX_HOURS: z.coerce
      .number("AUTH_SESSION_MAX_HOURS must be a number of hours")
      .int("AUTH_SESSION_MAX_HOURS must be a whole number of hours")
      .min(1, "AUTH_SESSION_MAX_HOURS must be at least 1")
      .max(168, "AUTH_SESSION_MAX_HOURS must be at most 168 (a week)")
      .default(12),
    AUTH_SESSION_IDLE_MINUTES: z.coerce
      .number("AUTH_SESSION_IDLE_MINUTES must be a number of minutes")
      .int("AUTH_SESSION_IDLE_MINUTES must be a whole number of minutes")
      .min(2, "AUTH_SESSION_IDLE_MINUTES must be at least 2")
      .max(1440, "AUTH_SESSION_IDLE_MINUTES must be at most 1440 (a day)")
      .default(30),
  })
  .refine((env) => env.AUTH_SESSION_IDLE_MINUTES <= env.AUTH_SESSION_MAX_HOURS * 60, {
    message: "AUTH_SESSION_IDLE_MINUTES cannot exceed the absolute lifetime AUTH_SESSION_MAX_HOURS",
    path: ["AUTH_SESSION_IDLE_MINUTES"],
  })
  .refine((env) => env.NODE_ENV !== "production" || env.AUTH_SECRET, {
    message: "AUTH_SECRET is required in production",
    path: ["AUTH_SECRET"],
  })
  .refine((env) => !env.AUTH_OIDC_ISSUER || (env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET), {
    message: "AUTH_OIDC_ID and AUTH_OIDC_SECRET are required when AUTH_OIDC_ISSUER is set",
    path: ["AUTH_OIDC_ID"],
  });

/** Read lazily (at the first request), so builds never need secrets. */
export function authEnv() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid sign-in configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const env = parsed.data;
  return {
    ...env,
    // `next dev` and tests without a configured secret get a fixed, clearly dev-only one; production refuses above.
    secret: env.AUTH_SECRET ?? DEV_ONLY_SECRET,
    sessionLifetime: {
      absoluteSeconds: env.AUTH_SESSION_MAX_HOURS * 3600,
      idleSeconds: env.AUTH_SESSION_IDLE_MINUTES * 60,
    },
    oidc: env.AUTH_OIDC_ISSUER
      ? {
          issuer: env.AUTH_OIDC_ISSUER,
          clientId: env.AUTH_OIDC_ID!,
          clientSecret: env.AUTH_OIDC_SECRET!,
          name: env.AUTH_OIDC_NAME,
        }
      : null,
  };
}
