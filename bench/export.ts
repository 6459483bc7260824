// npm run bench:export [-- N]: exports every event of the Storm-0558 scenario with N background
// events (default 1,000,000) as CSV and as Timesketch JSONL through the CLI, as a user runs it, and
// prints each run's time, rate, size and the exporting process's peak RSS (target: < 500 MB).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureScenarioDb } from "./scenario-db";

const noise = Number(process.argv[2] ?? 1_000_000);
const { url, incidentId } = await ensureScenarioDb(noise);
const dir = mkdtempSync(path.join(os.tmpdir(), "chainline-bench-export-"));
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

for (const format of ["csv", "timesketch-jsonl"]) {
  const out = path.join(dir, `events.${format}`);
  const started = Date.now();
  // The CLI reports itself through GNU time's %M: the exporting process's peak resident set, in KiB.
  const run = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "peak-rss-kib %M",
      tsx,
      "--conditions=react-server",
      "bin/chainline.ts",
      "export",
      "events",
      "--incident",
      incidentId,
      "--format",
      format,
      "--out",
      out,
    ],
    { env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "--max-old-space-size=512 --max-semi-space-size=16" }, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`export failed: ${run.stderr}`);
  const seconds = (Date.now() - started) / 1000;
  const rows = Number(/: ([\d,]+) events/.exec(run.stdout)?.[1]?.replace(/,/g, "") ?? 0);
  const rssMib = Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
  console.log(
    `${format.padEnd(17)} ${rows.toLocaleString("en-US")} events in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString("en-US")}/s), ` +
      `${(statSync(out).size / 1048576).toFixed(0)} MiB, peak RSS ${rssMib.toFixed(0)} MiB (target < 500 MB)`,
  );
}
rmSync(dir, { recursive: true, force: true });
