import { createHypothesis } from "@/lib/chain/actions/hypotheses";
import { updateChainStep } from "@/lib/chain/actions/update-chain-step";
import type { Ctx } from "@/lib/context/ctx";
import { HYPOTHESES, HYPOTHESIS_STAGES, PUBLIC_CONFIDENCE } from "@/scenarios/storm-0558/public-assessments";

/**
 * Enters the public record's judgements into the demo chain as an analyst would: the competing
 * hypotheses for the key theft, and the published confidence in the crash-dump path on the dates
 * it was published (MSRC 6 Sep 2023 "most probable", 12 Mar 2024 "unproven"; CSRB 2 Apr 2024 "not
 * proven"), each attributed to its publisher. Run once, after
 * the chain is built; a second run adds nothing.
 */
export async function applyPublicAssessments(ctx: Ctx, incidentId: string): Promise<{ hypotheses: number; confidenceChanges: number }> {
  const sql = ctx.db.sql;
  const steps = await sql.query<{ id: string; key: string }>(
    "SELECT s.id, st.key FROM chain_steps s JOIN stages st ON st.id = s.stage_id WHERE s.incident_id = $1",
    [incidentId],
  );
  const stepOf = new Map(steps.map((s) => [s.key, s.id]));
  const existing = new Set(
    (await sql.query<{ title: string }>("SELECT title FROM hypotheses WHERE incident_id = $1", [incidentId])).map((h) => h.title),
  );
  let hypotheses = 0;
  for (const h of HYPOTHESES) {
    if (existing.has(h.title)) continue;
    const stepIds = (HYPOTHESIS_STAGES[h.id] ?? []).map((k) => stepOf.get(k)).filter((id): id is string => Boolean(id));
    await createHypothesis(ctx, incidentId, {
      title: h.title,
      description: h.detail,
      status: h.status,
      source: h.source ?? "written for the exercise",
      stepIds,
    });
    hypotheses += 1;
  }
  let confidenceChanges = 0;
  for (const { stage, changes } of PUBLIC_CONFIDENCE) {
    const stepId = stepOf.get(stage);
    if (!stepId) continue;
    const recorded = await sql.query<{ effective_at: Date }>(
      "SELECT effective_at FROM chain_step_confidence WHERE step_id = $1 AND origin = 'analyst'",
      [stepId],
    );
    const done = new Set(recorded.map((r) => new Date(r.effective_at).toISOString().slice(0, 10)));
    for (const c of changes) {
      if (done.has(c.asOf)) continue;
      await updateChainStep(ctx, stepId, {
        confidence: c.label,
        confidenceScore: c.score,
        reason: `Public record: "${c.wording}"`,
        effectiveAt: new Date(`${c.asOf}T00:00:00Z`),
        citation: c.source,
        // The publisher's judgement, not the judgement of whoever loaded the scenario.
        attributedTo: c.publisher,
        citedOn: c.publishedOn,
      });
      confidenceChanges += 1;
    }
  }
  return { hypotheses, confidenceChanges };
}
