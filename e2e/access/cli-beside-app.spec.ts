import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

const run = promisify(execFile);

// The newcomer's case: `npm run demo` in one terminal holds the embedded database, and
// `npm run chainline -- import …` in another works through the running app.
test("[CLI] beside the app on the embedded database, the CLI imports through it; commands that need the database to themselves say why", async ({
  request,
}) => {
  test.skip(Boolean(process.env.E2E_DATABASE_URL), "the app runs on a Postgres server here: the CLI opens it directly");
  test.setTimeout(120_000);
  const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e-pglite";
  const env = { ...process.env, DATABASE_URL: "", CHAINLINE_DATA_DIR: dataDir, CHAINLINE_SERVER: "", CHAINLINE_TOKEN: "" };
  const chainline = (args: string[]) =>
    run("npx", ["tsx", "--conditions=react-server", "bin/chainline.ts", ...args], { env, timeout: 90_000 }).then(
      (r) => ({ ...r, code: 0 }),
      (err: { stdout: string; stderr: string; code: number }) => ({ stdout: err.stdout, stderr: err.stderr, code: err.code }),
    );

  const incident = await (await request.post("/api/incidents", { data: { title: `CLI beside the app ${Date.now()}` } })).json();
  // The CLI acts as the instance admin, as it does on its own database: make them a member.
  const me = await (await request.get("/api/me")).json();
  expect(me.email).toBeTruthy();
  await request.post(`/api/incidents/${incident.id}/members`, { data: { email: "admin@chainline.test", role: "analyst" } });

  const dir = mkdtempSync(path.join(os.tmpdir(), "chainline-beside-"));
  const file = path.join(dir, "beside.jsonl");
  writeFileSync(file, `${JSON.stringify({ time: "2023-05-15T10:00:00Z", user: "alice@contoso.test", message: "VPN login" })}\n`);

  const imported = await chainline(["import", "--incident", incident.id, file]);
  expect(imported.stderr).toContain("has the embedded database open: working through it at http://127.0.0.1:");
  expect(imported.code).toBe(0);
  expect(imported.stdout).toMatch(/^beside\.jsonl\s+jsonl\s+1\s+1\s+0\s+0/m);
  const sources = (await (await request.get(`/api/incidents/${incident.id}/sources`)).json()).sources;
  expect(sources).toMatchObject([{ name: "beside.jsonl", status: "complete", importedCount: 1 }]);

  const listed = await chainline(["incident", "list"]);
  expect(listed.code).toBe(0);
  expect(listed.stdout).toContain(incident.id);

  // A command that must open the database itself: one line saying what to do.
  const chain = await chainline(["chain", "show", "--incident", incident.id]);
  expect(chain.code).toBe(1);
  expect(chain.stderr).toMatch(/is open in another process \(pid \d+, perhaps the app server\).*import, incident list, whoami/);
});
