// npm run bench:rules [-- N]: runs every rule over the Storm-0558 scenario with N background
// events (default 1,000,000) on the local Postgres and prints the time of each rule and of the
// whole run (target: < 30 s at a million). The scenario database is built once and reused. Then
// the whole SigmaHQ corpus beside them: on the 42,000-event LSASS campaign sample (target < 60 s)
// and on the scenario's N events (target < 5 min at a million).
import path from "node:path";
import pg from "pg";
import { createIncident } from "@/lib/actions/create-incident";
import { runRules } from "@/lib/chain/rules/run-rules";
import { getLocalContext } from "@/lib/context/get-local-context";
import { openDatabase } from "@/lib/db/open";
import { importFile } from "@/lib/ingest/import-file";
import { ensureScenarioDb } from "./scenario-db";
import { benchSigmaCorpus } from "./sigma-corpus";

const noise = Number(process.argv[2] ?? 1_000_000);
const { url, incidentId } = await ensureScenarioDb(noise);
const db = await openDatabase({ mode: "server", url }, { migrate: true });
try {
  const ctx = await getLocalContext(db);
  // A run stopped during the corpus part leaves the corpus loaded: the built-ins are timed alone.
  await db.sql.query("DELETE FROM rules WHERE incident_id = $1 AND kind = 'sigma'", [incidentId]);
  const [{ n } = { n: 0 }] = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE incident_id = $1", [
    incidentId,
  ]);
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await runRules(ctx, incidentId));
  const last = runs.at(-1);
  for (const r of last?.rules ?? [])
    console.log(`${r.key.padEnd(56)} ${r.kind.padEnd(13)} ${String(r.matched).padStart(8)} matched ${String(r.ms).padStart(7)} ms`);
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  console.log(`one pass testing every rule's fields: ${last?.pass.ms} ms, ${last?.pass.candidates.toLocaleString("en-US")} candidates`);
  console.log(
    `\nrules over ${n.toLocaleString("en-US")} events: median ${(times[1] ?? 0) / 1000} s of 3 runs (${times.map((t) => `${t / 1000}`).join(", ")} s); ` +
      `${last?.eventsTagged.toLocaleString("en-US")} events tagged; target < 30 s`,
  );
  await benchOnCampaign();
  // BENCH_SIGMA_AT_N=0 skips the corpus at N events (minutes at a million).
  if (process.env.BENCH_SIGMA_AT_N !== "0")
    await benchSigmaCorpus(ctx, incidentId, `${n.toLocaleString("en-US")} events`, "< 5 min at 1,000,000");
  else console.log("whole SigmaHQ corpus on the scenario's events: skipped (BENCH_SIGMA_AT_N=0)");
} finally {
  await db.close();
}

/** The corpus on the real 42,000-event LSASS campaign, in a throwaway database. */
async function benchOnCampaign() {
  const name = `chainline_bench_sigma_${process.pid}`;
  const admin = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  await run(`CREATE DATABASE "${name}"`);
  const campaign = await openDatabase({ mode: "server", url: u.toString() }, { migrate: true });
  try {
    const cctx = await getLocalContext(campaign);
    const { id } = await createIncident(cctx, { title: "LSASS campaign", stageSet: "generic" });
    await importFile(cctx, {
      incidentId: id,
      filePath: path.resolve("../shared/samples/windows/metasploit_comsvcs_lsass_memory_dump.json.gz"),
    });
    await benchSigmaCorpus(cctx, id, "the 41,954-event LSASS campaign sample", "< 60 s");
  } finally {
    await campaign.close();
    await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
