import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((value) => value === "true" || value === "1");

const schema = z.object({
  DATABASE_URL: z
    .string({
      error: "DATABASE_URL is not set: start the portal with `npm start`, or point it at a PostgreSQL database",
    })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // PgBouncer in transaction pooling mode cannot keep named prepared statements: set it to false there.
  DATABASE_PREPARED_STATEMENTS: flag.default(true),
  DATABASE_CONNECT_TIMEOUT: z.coerce.number().int().min(1).max(120).default(10),
});

/** Read lazily, so `next build` never needs a database. */
export function databaseEnv() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid database configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}
