import path from "node:path";
import { defineConfig } from "vitest/config";

const serverOnlyStub = path.resolve(import.meta.dirname, "node_modules/server-only/empty.js");

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    alias: { "server-only": serverOnlyStub },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["tests/support/fail-on-console-error.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-db.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/test-db.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database; two workers suit these 2-core machines.
          pool: "forks",
          maxWorkers: 2,
        },
      },
    ],
  },
});
