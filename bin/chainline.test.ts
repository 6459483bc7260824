import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Command } from "./command";
import { COMMANDS, usageOf } from "./commands-table";

const run = promisify(execFile);
const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");

/** Runs the CLI as a user would, on its own embedded database folder. */
async function chainline(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(TSX, ["--conditions=react-server", "bin/chainline.ts", ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each call starts a process that opens its own embedded database: seconds each, more on a busy machine.
describe("chainline CLI", { timeout: 240_000 }, () => {
  it("import --help shows its usage, from the command line", async () => {
    const r = await chainline(["import", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(usageOf(COMMANDS.find((c) => c.path.join(" ") === "import") as Command));
  });

  // The same text for every command, made in this process: a process per command cost a minute.
  it.each(COMMANDS.map((c) => c.path.join(" ")))("%s --help shows its usage", (command) => {
    const text = usageOf(COMMANDS.find((c) => c.path.join(" ") === command) as Command);
    expect(text).toContain(`usage: chainline ${command}`);
    expect(text).toContain("--help");
    // Every flag is set off from its description, the longest too ("--retention-days VALUE").
    for (const line of text.split("\n").filter((l) => l.startsWith("  --"))) expect(line).toMatch(/^ {2}--\S+( VALUE)? {2,}\S/);
  });

  it("migrates, creates and lists on the embedded database, like the web app", async () => {
    const env = { CHAINLINE_DATA_DIR: path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-cli-")), "pglite") };
    const status = await chainline(["db", "status"], env);
    expect(status.stdout).toContain("database: embedded");
    expect(status.stdout).toMatch(/pending:\s+\d{14}_init/);

    expect((await chainline(["db", "migrate"], env)).stdout).toMatch(/applied \d{14}_init/);
    expect((await chainline(["db", "migrate"], env)).stdout).toContain("already up to date");

    const created = await chainline(["incident", "create", "--title", "Token forgery", "--tz", "America/New_York", "--json"], env);
    expect(created.code).toBe(0);
    const incident = JSON.parse(created.stdout);
    expect(incident).toMatchObject({ title: "Token forgery", timeZone: "America/New_York" });

    const listed = JSON.parse((await chainline(["incident", "list", "--json"], env)).stdout);
    expect(listed.map((i: { id: string }) => i.id)).toEqual([incident.id]);
    const table = await chainline(["incident", "list"], env);
    expect(table.stdout).toMatch(new RegExp(`${incident.id}\\s+\\d{4}-\\d{2}-\\d{2}\\s+open\\s+owner\\s+0\\s+0\\s+Token forgery`));
  });

  it("imports files with a summary table, and names each problem file and why", async () => {
    const env = { CHAINLINE_DATA_DIR: path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-cli-")), "pglite") };
    const incident = JSON.parse((await chainline(["incident", "create", "--title", "CLI import", "--json"], env)).stdout);
    const sample = path.resolve("..", "shared", "samples", "windows", "lsass_dump_comsvcs.jsonl");
    const r = await chainline(["import", "--incident", incident.id, sample, "/no/such/file.log"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("chainline: file.log: not a readable file");
    const [head, row] = r.stdout.trim().split("\n");
    expect(head).toMatch(/^FILE\s+FORMAT\s+READ\s+IMPORTED\s+DUPLICATE\s+REJECTED\s+REDACTED\s+FIRST EVENT\s+LAST EVENT\s+SECONDS$/);
    expect(row).toMatch(/^lsass_dump_comsvcs\.jsonl\s+\S+\s+184\s+184\s+0\s+0\s+\d+\s+2020-10-18T07:49:39\.776000Z/);
    const again = await chainline(["import", "--incident", incident.id, sample], env);
    expect(again.stderr).toContain("already imported as source");
    // Reported with microseconds, as the first import was.
    expect(again.stdout).toMatch(/^lsass_dump_comsvcs\.jsonl\s+\S+\s+184\s+0\s+184\s+0\s+\d+\s+2020-10-18T07:49:39\.776000Z/m);
    // A file with nothing to import fails the run, and says why.
    const headerOnly = path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-cli-")), "header-only.csv");
    writeFileSync(headerOnly, "Date,User,Action\n");
    const empty = await chainline(["import", "--incident", incident.id, headerOnly], env);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain(`chainline: ${headerOnly}: nothing imported: no records: the file is empty or holds only a header`);
    const formats = await chainline(["formats"]);
    for (const name of ["timesketch-jsonl", "timesketch-csv", "jsonl", "json-array", "csv"]) expect(formats.stdout).toContain(`${name} — `);
  });

  it("shows the Storm-0558 chain as believed on two dates, the rules that built it, and its gaps", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "chainline-cli-"));
    const env = { CHAINLINE_DATA_DIR: path.join(dir, "pglite") };
    const loaded = await chainline(["scenario", "load", "--noise", "300", "--dir", path.join(dir, "scenario")], env);
    expect(loaded.code, loaded.stderr).toBe(0);
    const incidentId = /demo incident ([0-9a-f-]{36})/.exec(loaded.stdout)?.[1] ?? "";
    const acquisition = async (asOf: string) => {
      const r = await chainline(["chain", "show", "--incident", incidentId, "--as-of", asOf, "--json"], env);
      const chain = JSON.parse(r.stdout) as {
        steps: { stageKey: string; inferred: boolean; confidence: { label: string; score: number } }[];
      };
      return chain.steps.find((s) => s.stageKey === "key-acquisition");
    };
    // As the public record went: "most probable" in September 2023, "unproven" by March 2024.
    expect(await acquisition("2023-10-01")).toMatchObject({ inferred: true, confidence: { label: "likely", score: 70 } });
    expect(await acquisition("2024-04-01")).toMatchObject({ inferred: true, confidence: { label: "possible", score: 35 } });
    const table = await chainline(["chain", "show", "--incident", incidentId], env);
    expect(table.stdout).toMatch(/key-acquisition\s+.*\(bounds only\)\s+\d+\s+inferred\s+possible 35/);

    const rules = await chainline(["rules", "run", "--incident", incidentId], env);
    expect(rules.stdout).toMatch(/storm\.token-forgery\.consumer-key-enterprise-tenant\s+match\s+\d+/);
    const gaps = JSON.parse((await chainline(["gaps", "--incident", incidentId, "--json"], env)).stdout) as {
      scope: string;
      stepStages: string[];
    }[];
    expect(gaps.some((g) => g.scope === "debug-share-security.jsonl" && g.stepStages.includes("key-acquisition"))).toBe(true);
    expect((await chainline(["chain", "show", "--incident", incidentId, "--as-of", "not-a-date"], env)).code).toBe(2);

    // The demo's post-mortem, drafted from the evidence: listed, printed with footnotes, exported.
    const storyId = /demo post-mortem ([0-9a-f-]{36}): drafted from the evidence/.exec(loaded.stdout)?.[1] ?? "";
    expect((await chainline(["story", "list", "--incident", incidentId], env)).stdout).toMatch(
      new RegExp(`${storyId}\\s+Storm-0558: post-mortem\\s+postmortem\\s+1\\s+draft`),
    );
    const shown = await chainline(["story", "show", "--story", storyId], env);
    expect(shown.stdout).toMatch(/^# Storm-0558: post-mortem\n/);
    expect(shown.stdout).toMatch(/\[\^1\]: Chain step: Key material exposure · Key material exposure · 2021-04-20T07:42:13\.\d{6}Z/);
    const out = path.join(dir, "pm.md");
    const exported = await chainline(["story", "export", "--story", storyId, "--format", "md", "--out", out], env);
    expect(exported.stdout).toContain(`${out}: `);
    expect((await chainline(["story", "export", "--story", storyId, "--format", "rtf"], env)).code).toBe(2);
  });

  it("says what is wrong with a call, with exit code 2", async () => {
    const missing = await chainline(["incident", "create"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("chainline: --title is required");
    const unknown = await chainline(["incident", "frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "incident frobnicate"');
    const zone = await chainline(["import", "--incident", "00000000-0000-4000-8000-000000000000", "--tz", "Mars/Olympus", "any.log"]);
    expect(zone.code).toBe(2);
    expect(zone.stderr.trim()).toBe("chainline: zone: Not an IANA time zone (e.g. UTC, Europe/Berlin)");
  });

  it("refuses an id that is not one in one line with exit code 2, and a missing incident in one line with exit code 1", async () => {
    for (const words of [
      ["import", "--incident", "nope", "any.log"],
      ["chain", "show", "--incident", "nope"],
      ["export", "events", "--incident", "nope"],
      ["rules", "run", "--incident", "nope"],
    ]) {
      const r = await chainline(words);
      expect(r.code, words.join(" ")).toBe(2);
      expect(r.stderr.trim(), words.join(" ")).toBe(
        'chainline: --incident "nope" is not an incident id (a UUID, as `incident list` prints)',
      );
      expect(r.stdout, words.join(" ")).toBe("");
    }
    const sources = await chainline(["export", "events", "--incident", "00000000-0000-4000-8000-000000000000", "--source", "a,b"]);
    expect(sources.stderr.trim()).toBe('chainline: --source "a" is not a source id (a UUID)');
    const env = { CHAINLINE_DATA_DIR: path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-cli-")), "pglite") };
    expect((await chainline(["db", "migrate"], env)).code).toBe(0);
    for (const words of [
      ["chain", "show", "--incident", "00000000-0000-4000-8000-000000000000"],
      ["export", "events", "--incident", "00000000-0000-4000-8000-000000000000"],
      ["stages", "list", "--incident", "00000000-0000-4000-8000-000000000000"],
    ]) {
      const r = await chainline(words, env);
      expect(r.code, words.join(" ")).toBe(1);
      expect(r.stderr.trim(), words.join(" ")).toBe(
        "chainline: no incident 00000000-0000-4000-8000-000000000000 (or you are not a member of it)",
      );
      expect(r.stdout, words.join(" ")).toBe("");
    }
  });

  it("names the host and the failure in one line when DATABASE_URL is unreachable", async () => {
    const r = await chainline(["incident", "list"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/chainline" });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      "chainline: Cannot use the Postgres server at 127.0.0.1:1/chainline (DATABASE_URL): connection refused (is the server running?)",
    );
  });
});
