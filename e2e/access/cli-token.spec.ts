import { execFile } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

const run = promisify(execFile);

/** The CLI as a user runs it, against the test's server, with only a token and the server's URL. */
function chainline(args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number }> {
  return run("npx", ["tsx", "--conditions=react-server", "bin/chainline.ts", ...args], {
    env: { ...process.env, DATABASE_URL: "", CHAINLINE_DATA_DIR: "/nonexistent-the-cli-must-not-open-a-database", ...env },
    timeout: 90_000,
  }).then(
    (r) => ({ ...r, code: 0 }),
    (err: { stdout: string; stderr: string; code: number }) => ({ stdout: err.stdout, stderr: err.stderr, code: err.code }),
  );
}

test("[CLI] imports a file into an incident through a write token against the running server; a read token is refused", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const incident = await (await request.post("/api/incidents", { data: { title: `CLI over HTTP ${Date.now()}` } })).json();
  const write = await (await request.post("/api/tokens", { data: { name: "cli e2e", scope: "write", expiresInDays: 1 } })).json();
  const read = await (await request.post("/api/tokens", { data: { name: "cli e2e read", scope: "read", expiresInDays: 1 } })).json();
  const dir = mkdtempSync(path.join(os.tmpdir(), "chainline-cli-e2e-"));
  const file = path.join(dir, "vpn.jsonl");
  writeFileSync(
    file,
    `${[
      {
        time: "2023-05-15T10:00:00Z",
        user: "alice@contoso.test",
        src_ip: "203.0.113.5",
        action: "login",
        outcome: "success",
        message: "VPN login",
      },
      {
        time: "2023-05-15T10:05:00Z",
        user: "alice@contoso.test",
        src_ip: "203.0.113.5",
        action: "logout",
        outcome: "success",
        message: "VPN logout",
      },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n")}\n`,
  );

  // The token from the config file `login` writes, with mode 0600.
  const config = path.join(dir, "config.json");
  const login = await run(
    "bash",
    ["-c", `echo ${write.token} | npx tsx --conditions=react-server bin/chainline.ts login --server ${baseURL}`],
    {
      env: { ...process.env, CHAINLINE_CONFIG: config, DATABASE_URL: "" },
    },
  );
  expect(login.stdout).toContain("analyst@chainline.test");
  expect(statSync(config).mode & 0o777).toBe(0o600);

  const imported = await chainline(["--server", baseURL as string, "import", "--incident", incident.id, file], {
    CHAINLINE_CONFIG: config,
  });
  expect(imported.stdout).toMatch(/vpn\.jsonl\s+jsonl\s+2\s+2\s+0\s+0/);
  const sources = (await (await request.get(`/api/incidents/${incident.id}/sources`)).json()).sources as {
    name: string;
    importedCount: number;
  }[];
  expect(sources.map((s) => [s.name, s.importedCount])).toEqual([["vpn.jsonl", 2]]);

  const refused = await chainline(["--server", baseURL as string, "import", "--incident", incident.id, file], {
    CHAINLINE_TOKEN: read.token,
  });
  expect(refused.stderr).toContain("answered 403: this token is read-only");
  expect(refused.code).toBe(1);
});
