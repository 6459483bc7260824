import { defineConfig, devices } from "@playwright/test";
import { OIDC_CLIENT, oidcIssuer } from "./e2e/fixtures/oidc-client";

// scripts/test.sh runs this suite once per database. It sets E2E_PORT and either
// E2E_DATABASE_URL (a throwaway Postgres database) or E2E_DATA_DIR (a throwaway PGlite folder).
const port = Number(process.env.E2E_PORT ?? 3210);
const dbEnv: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
  : { CHAINLINE_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e-pglite" };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? "test-results/playwright.json" }]],
  use: { baseURL: `http://127.0.0.1:${port}`, trace: "retain-on-failure" },
  projects: [
    // Signs the demo accounts in (e2e/auth.setup.ts); specs run as the analyst unless they say otherwise.
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        storageState: "test-results/auth/analyst.json",
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
          args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: [
    {
      // A real OpenID provider on loopback for single sign-on (e2e/access/sso.spec.ts).
      command: "npx tsx e2e/fixtures/run-oidc-provider.ts",
      url: `${oidcIssuer(port)}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      env: { E2E_PORT: String(port) },
    },
    {
      command: `npx next start -p ${port} -H 127.0.0.1`,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      // Single sign-on through the OpenID provider above.
      env: {
        ...dbEnv,
        NEXT_TELEMETRY_DISABLED: "1",
        CHAINLINE_OIDC_ISSUER: oidcIssuer(port),
        CHAINLINE_OIDC_CLIENT_ID: OIDC_CLIENT.id,
        CHAINLINE_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
        CHAINLINE_OIDC_NAME: "Loopback IdP",
      },
    },
  ],
});
