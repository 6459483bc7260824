// The whole SigmaHQ corpus (../shared/sigma) loaded beside the built-in rules, run once, timed;
// then removed again (the benchmark databases are reused by other benchmarks).
import { readFileSync } from "node:fs";
import path from "node:path";
import { runRules } from "@/lib/chain/rules/run-rules";
import { loadSigmaRules } from "@/lib/chain/rules/sigma/load-sigma-rules";
import { readFieldIndex } from "@/lib/chain/rules/sigma/sigma-field-check";
import { sigmaFiles } from "@/lib/chain/rules/sigma/sigma-files";
import type { Ctx } from "@/lib/context/ctx";

export const SIGMA_DIR = path.resolve(process.cwd(), "../shared/sigma");

/** Loads the corpus for the incident, runs every rule once, prints the figures, removes the corpus. */
export async function benchSigmaCorpus(ctx: Ctx, incidentId: string, label: string, target: string): Promise<number> {
  const t0 = performance.now();
  const fields = await readFieldIndex(ctx, incidentId);
  let loaded = 0;
  let refused = 0;
  for (const file of sigmaFiles([SIGMA_DIR])) {
    const r = await loadSigmaRules(ctx, incidentId, { fileName: path.basename(file), yaml: readFileSync(file, "utf8") }, { fields });
    loaded += r.loaded.length;
    refused += r.problems.length;
  }
  const loadS = (performance.now() - t0) / 1000;
  try {
    const run = await runRules(ctx, incidentId);
    const fired = run.rules.filter((r) => r.key.startsWith("sigma.") && r.matched > 0).length;
    console.log(
      `whole SigmaHQ corpus on ${label}: ${loaded} rules loaded (${refused} refused) in ${loadS.toFixed(1)} s; ` +
        `rules run ${(run.ms / 1000).toFixed(1)} s (one pass ${(run.pass.ms / 1000).toFixed(1)} s), ${fired} Sigma rules fired, ` +
        `${run.eventsTagged.toLocaleString("en-US")} events tagged; target ${target}`,
    );
    return run.ms;
  } finally {
    await ctx.db.sql.query("DELETE FROM rules WHERE incident_id = $1 AND kind = 'sigma'", [incidentId]);
    await runRules(ctx, incidentId);
  }
}
