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
    // Two test files at a time: left to its default, this Vitest ran one file at a time on these
    // 2-core machines (measured: 1,095 s against 742 s for the whole run, CI's 30 minutes at stake);
    // the test files spend much of their time waiting on Postgres, PGlite start-up and child processes.
    maxWorkers: 2,
    globalSetup: ["lib/testing/global-setup.ts"],
    // Each file opens its own databases and the heaviest load the whole Storm-0558 scenario; these
    // machines differ by 2-2.5x in speed (the Storm chain test takes 33 s on a fast one, so up to
    // 80 s on a slow one), so the bound is for a hang, not a measure of speed.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
