import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used (migrations are committed); it needs no database connection.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
  casing: "snake_case",
});
