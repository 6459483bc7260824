import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside Next's server bundle; tests run lib/ directly.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "bin/**/*.test.ts", "scenarios/**/*.test.ts"],
    pool: "forks",
    globalSetup: ["lib/testing/global-setup.ts"],
    // Each file opens its own databases; PGlite start-up dominates, so allow for it.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
