import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The config lives in tests/, but unit tests sit next to the code in packages/: paths are from the repo root.
const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  test: {
    root,
    projects: [
      {
        test: {
          name: "unit",
          root,
          include: ["packages/*/src/**/*.test.ts"],
          environment: "node",
        },
        // The ui package's tests render its components (cn.test.ts); tsconfig keeps JSX for Next to compile.
        oxc: { jsx: { runtime: "automatic" } },
      },
      {
        test: {
          name: "integration",
          root,
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/support/global-setup.ts"],
          // Real PostgreSQL on 2 cores: cloning and seeding take longer than vitest's 5 s/10 s defaults allow.
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
