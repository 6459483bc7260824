// npm run db:seed – loads the Storm-0558 demo scenario into the configured database (idempotent).
// DEMO_NOISE sets the background records (default 2000).
import { getLocalContext } from "@/lib/context/get-local-context";
import { closeDb } from "@/lib/db";
import { loadScenario } from "@/lib/scenarios/load-scenario";

const noise = Number(process.env.DEMO_NOISE ?? 2000);
const r = await loadScenario(await getLocalContext(), {
  noise,
  onFile: (s) =>
    console.log(
      `  ${s.fileName.padEnd(34)} ${s.outcome === "already-imported" ? "already imported" : `${s.imported} events, ${s.rejected} rejected`}`,
    ),
});
console.log(`demo incident ${r.incidentId}: the Storm-0558 scenario (noise ${noise})`);
await closeDb();
