// npm run bench:import [-- N]: generates N events (default 1,000,000) as JSONL and CSV, imports
// each into a fresh incident on the real Postgres (DATABASE_URL, else a throwaway database on
// 127.0.0.1), and prints events/s and peak RSS, next to a plain COPY of normalized rows.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { writeCsv, writeJsonl, writeUalCsv } from "./generate-events";

const count = Number(process.argv[2] ?? 1_000_000);
const admin = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
let url = process.env.DATABASE_URL;
let dropDb: string | null = null;
if (!url) {
  dropDb = `chainline_bench_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${dropDb}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${dropDb}`;
  url = u.toString();
}
const dir = mkdtempSync(path.join(os.tmpdir(), "chainline-bench-"));
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const run = (script: string, ...args: string[]) =>
  JSON.parse(
    execFileSync(tsx, ["--conditions=react-server", script, ...args], {
      // The same heap limits as `npm run chainline`: V8 otherwise grows the heap lazily and RSS with it.
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "--max-old-space-size=512 --max-semi-space-size=16" },
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .at(-1) as string,
  );

/** How a figure compares with a baseline measured in the same run. */
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

try {
  const jsonl = path.join(dir, "events.jsonl");
  const csv = path.join(dir, "events.csv");
  await writeJsonl(jsonl, count);
  await writeCsv(csv, count);
  const ual = path.join(dir, "ual-export.csv");
  await writeUalCsv(ual, count);
  const mib = (f: string) => `${(statSync(f).size / 1048576).toFixed(0)} MiB`;
  console.log(
    `${count.toLocaleString("en-US")} events; JSONL ${mib(jsonl)}, CSV ${mib(csv)}, UAL CSV ${mib(ual)}; database ${new URL(url).host}`,
  );
  const results = [run("bench/import-one.ts", jsonl), run("bench/import-one.ts", csv), run("bench/import-one.ts", ual)];
  const copy = run("bench/copy-baseline.ts", String(count));
  const bare = run("bench/copy-baseline.ts", String(count), "bare");
  const bulk = run("bench/copy-baseline.ts", String(count), "bulk");
  const parse = run("bench/parse-only.ts", jsonl);
  for (const r of results) {
    console.log(
      `${r.format.padEnd(12)} ${r.eventsPerSecond.toLocaleString("en-US").padStart(9)} events/s  ${r.seconds.toFixed(1)} s (reading ${r.readingSeconds.toFixed(1)} s, finalizing ${r.finalizingSeconds.toFixed(1)} s)  peak RSS ${r.peakRssMiB} MiB  (read ${r.read}, imported ${r.imported}, rejected ${r.rejected})  ${ratio(r.eventsPerSecond, bare.rowsPerSecond)} bare COPY, ${ratio(r.eventsPerSecond, copy.rowsPerSecond)} indexed COPY`,
    );
  }
  console.log(
    `COPY         ${copy.rowsPerSecond.toLocaleString("en-US").padStart(9)} rows/s    ${copy.seconds.toFixed(1)} s  (normalized rows, prebuilt, into a table indexed like events)`,
  );
  console.log(
    `bare COPY    ${bare.rowsPerSecond.toLocaleString("en-US").padStart(9)} rows/s    ${bare.seconds.toFixed(1)} s  (the same rows into the same table without indexes)`,
  );
  const builds = Object.entries(bulk.built as Record<string, number>)
    .map(([name, s]) => `${name.replace(/^events_/, "")} ${s.toFixed(1)} s`)
    .join(", ");
  console.log(
    `load+index   ${bulk.rowsPerSecond.toLocaleString("en-US").padStart(9)} rows/s    ${bulk.seconds.toFixed(1)} s  (the bare COPY, ${bulk.copied.toFixed(1)} s, then every index of events built over the whole load: ${builds})`,
  );
  console.log(
    `Node alone   ${parse.recordsPerSecond.toLocaleString("en-US").padStart(9)} records/s ${parse.seconds.toFixed(1)} s  (JSONL parsed, mapped, redacted, hashed and encoded on one core, no database)`,
  );
  // Each stored event costs Node's work plus the indexed COPY's; with every core busy all the
  // time and nothing else (no dedupe, entity links or index builds of its own), no import can pass this.
  const cores = os.availableParallelism();
  const ceiling = cores / (1 / parse.recordsPerSecond + 1 / copy.rowsPerSecond);
  console.log(
    `ceiling      ${Math.round(ceiling).toLocaleString("en-US").padStart(9)} events/s  (${cores} cores ÷ (1/Node alone + 1/indexed COPY): no JSONL import on this machine can pass it)`,
  );
  // The same bound for an import that indexes in bulk, as Chainline's does: still with no entity
  // links, dedupe or attach, so an upper bound, not a forecast.
  const bulkCeiling = cores / (1 / parse.recordsPerSecond + 1 / bulk.rowsPerSecond);
  console.log(
    `bulk ceiling ${Math.round(bulkCeiling).toLocaleString("en-US").padStart(9)} events/s  (${cores} cores ÷ (1/Node alone + 1/load+index): nor can one that builds its indexes in bulk but links no entity)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (dropDb) {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dropDb} WITH (FORCE)`);
    await c.end();
  }
}
