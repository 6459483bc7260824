import { authorize } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { refreshEventStatistics } from "@/lib/ingest/event-statistics";
import { type BuildChainResult, buildChain } from "./build-chain";
import { detectQuietPeriods, type QuietPeriod } from "./gaps/detect-quiet-periods";
import { type RuleRunResult, runRules } from "./rules/run-rules";

export type AnalysisResult = { rules: RuleRunResult; quietPeriods: QuietPeriod[]; chain: BuildChainResult };

/**
 * The first pass an analyst would otherwise do by hand, in order: rules tag events (only the new
 * import's events for field rules when `sourceId` is given), quiet periods are detected, and the
 * chain is rebuilt so inferred steps link to the gaps that explain their missing evidence.
 */
export async function analyzeIncident(ctx: Ctx, incidentId: string, options: { sourceId?: string } = {}): Promise<AnalysisResult> {
  await authorize(ctx, incidentId, "evidence.edit");
  // Planner statistics brought up to date where imports, deletes and rules made them stale.
  await refreshEventStatistics(ctx.db.sql);
  const rules = await runRules(ctx, incidentId, options);
  const quietPeriods = await detectQuietPeriods(ctx, incidentId);
  const chain = await buildChain(ctx, incidentId);
  return { rules, quietPeriods, chain };
}
