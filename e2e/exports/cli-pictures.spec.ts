import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { demoIncidentId } from "../fixtures/demo-incident";

const run = promisify(execFile);

/** The CLI as a user runs it against the test's server, with only a (read) token and the server's URL. */
async function chainline(args: string[], env: Record<string, string>) {
  return run("npx", ["tsx", "--conditions=react-server", "bin/chainline.ts", ...args], {
    env: { ...process.env, DATABASE_URL: "", CHAINLINE_DATA_DIR: "/nonexistent-the-cli-must-not-open-a-database", ...env },
    timeout: 120_000,
  });
}

test("[EXPORTS] the brief (PDF, Letter) and a timeline view (SVG, PNG) come from `chainline export` with a read token, as the app draws them", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const id = await demoIncidentId(request);
  const token = await (await request.post("/api/tokens", { data: { name: "pictures e2e", scope: "read", expiresInDays: 1 } })).json();
  const env = { CHAINLINE_SERVER: baseURL as string, CHAINLINE_TOKEN: token.token };
  const dir = mkdtempSync(path.join(os.tmpdir(), "chainline-pictures-"));

  const pdf = path.join(dir, "brief.pdf");
  await chainline(["export", "brief", "--incident", id, "--paper", "letter", "--as-of", "2024-04-01", "--out", pdf], env);
  const info = (await run("pdfinfo", [pdf])).stdout;
  expect(info).toMatch(/^Pages:\s+1$/m);
  expect(info).toMatch(/Page size:\s+612 x 792 pts/);
  const text = (await run("pdftotext", [pdf, "-"])).stdout;
  expect(text).toContain("Token forgery");

  const svg = path.join(dir, "timeline.svg");
  await chainline(["export", "timeline", "--incident", id, "--view", "lanes=stage", "--out", svg], env);
  const picture = readFileSync(svg, "utf8");
  expect(picture).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
  expect(picture).toContain(">Token forgery<");
  expect(picture).not.toContain("<script");

  const png = path.join(dir, "timeline.png");
  await chainline(["export", "timeline", "--incident", id, "--format", "png", "--out", png], env);
  expect(readFileSync(png).subarray(1, 4).toString("latin1")).toBe("PNG");

  // Without --server the CLI says where pictures come from, rather than failing obscurely.
  const local = await chainline(["export", "timeline", "--incident", id, "--out", svg], {}).catch((err: { stderr: string }) => err);
  expect((local as { stderr: string }).stderr).toContain("the timeline is drawn by the running app: give --server URL");
});
