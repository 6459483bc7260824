// npm run bench:export [-- N]: exports every event of the Storm-0558 scenario with N background
// events (default 1,000,000) as CSV and as Timesketch JSONL through the CLI, as a user runs it, and
// prints each run's time, rate, size and the exporting process's peak RSS (target: < 500 MB); then
// exports the whole incident as a case file and imports it into a new incident, timed the same way.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureScenarioDb } from "./scenario-db";

const noise = Number(process.argv[2] ?? 1_000_000);
const { url, incidentId } = await ensureScenarioDb(noise);
const dir = mkdtempSync(path.join(os.tmpdir(), "chainline-bench-export-"));
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

/** One CLI run as a user types it, with its time and peak resident set (GNU time's %M, in KiB). */
function runCli(args: string[]): { seconds: number; stdout: string; rssMib: number } {
  const started = Date.now();
  const run = spawnSync("/usr/bin/time", ["-f", "peak-rss-kib %M", tsx, "--conditions=react-server", "bin/chainline.ts", ...args], {
    env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "--max-old-space-size=512 --max-semi-space-size=16" },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`chainline ${args.join(" ")} failed: ${run.stderr}`);
  const rssMib = Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
  return { seconds: (Date.now() - started) / 1000, stdout: run.stdout, rssMib };
}

for (const format of ["csv", "timesketch-jsonl"]) {
  const out = path.join(dir, `events.${format}`);
  const { seconds, stdout, rssMib } = runCli(["export", "events", "--incident", incidentId, "--format", format, "--out", out]);
  const rows = Number(/: ([\d,]+) events/.exec(stdout)?.[1]?.replace(/,/g, "") ?? 0);
  console.log(
    `${format.padEnd(17)} ${rows.toLocaleString("en-US")} events in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString("en-US")}/s), ` +
      `${(statSync(out).size / 1048576).toFixed(0)} MiB, peak RSS ${rssMib.toFixed(0)} MiB (target < 500 MB)`,
  );
}

// The whole incident as a case file, and back into a new incident (removed again afterwards).
const caseFile = path.join(dir, "incident.chainline-case.jsonl.gz");
const out = runCli(["export", "case", "--incident", incidentId, "--out", caseFile]);
const rows = Number(/([\d,]+) events/.exec(out.stdout)?.[1]?.replace(/,/g, "") ?? 0);
console.log(
  `case file export   ${rows.toLocaleString("en-US")} events in ${out.seconds.toFixed(1)} s, ${(statSync(caseFile).size / 1048576).toFixed(0)} MiB gzipped, peak RSS ${out.rssMib.toFixed(0)} MiB`,
);
const back = runCli(["incident", "import", caseFile, "--json"]);
const imported = JSON.parse(back.stdout) as { incidentId: string; counts: Record<string, number> };
console.log(
  `case file import   ${(imported.counts.events ?? 0).toLocaleString("en-US")} events (${Object.values(imported.counts)
    .reduce((a, b) => a + b, 0)
    .toLocaleString("en-US")} rows) in ${back.seconds.toFixed(1)} s, peak RSS ${back.rssMib.toFixed(0)} MiB`,
);
const db = new pg.Client({ connectionString: url });
await db.connect();
await db.query("DELETE FROM incidents WHERE id = $1", [imported.incidentId]);
await db.end();
rmSync(dir, { recursive: true, force: true });
