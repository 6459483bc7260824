// npm run bench:rules [-- N]: runs every rule over the Storm-0558 scenario with N background
// events (default 1,000,000) on the local Postgres and prints the time of each rule and of the
// whole run (target: < 30 s at a million). The scenario database is built once and reused.
import { runRules } from "@/lib/chain/rules/run-rules";
import { getLocalContext } from "@/lib/context/get-local-context";
import { openDatabase } from "@/lib/db/open";
import { ensureScenarioDb } from "./scenario-db";

const noise = Number(process.argv[2] ?? 1_000_000);
const { url, incidentId } = await ensureScenarioDb(noise);
const db = await openDatabase({ mode: "server", url }, { migrate: true });
try {
  const ctx = await getLocalContext(db);
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
} finally {
  await db.close();
}
