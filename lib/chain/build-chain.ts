import { authorize } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { type PlanStage, planChain, type StepPlan } from "./plan-chain";
import { readStageEvidence } from "./stage-evidence";

/** How many events a rule-built step links as evidence (the rest are one click away by stage). */
const EVIDENCE_LINK_LIMIT = 10_000;

export type BuildChainResult = {
  steps: { stageKey: string; stepId: string; inferred: boolean; confidence: string; gaps: number }[];
  skippedAnalystStages: string[];
};

/**
 * Builds (or rebuilds) the rule-made chain from the events' stage tags: one step per stage with
 * evidence or implied by a later stage, with its evidence links, its confidence (kept as history
 * when it changes) and, for inferred steps, the evidence gaps that overlap its window. Steps an
 * analyst made or took over are left exactly as they are.
 */
export async function buildChain(ctx: Ctx, incidentId: string): Promise<BuildChainResult> {
  await authorize(ctx, incidentId, "evidence.edit");
  return ctx.db.sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('chainline.chain'), hashtext($1))", [incidentId]);
    const stages = await tx.query<PlanStage>("SELECT id, key, name, position FROM stages WHERE incident_id = $1", [incidentId]);
    const evidence = await readStageEvidence(tx, incidentId);
    const plans = planChain(stages, evidence);
    const analystStages = new Set(
      (
        await tx.query<{ stage_id: string }>("SELECT DISTINCT stage_id FROM chain_steps WHERE incident_id = $1 AND origin = 'analyst'", [
          incidentId,
        ])
      ).map((r) => r.stage_id),
    );
    const stageByKey = new Map(stages.map((s) => [s.key, s.id]));
    const built: BuildChainResult["steps"] = [];
    const keep: string[] = [];
    for (const plan of plans) {
      if (analystStages.has(plan.stageId)) continue;
      const stepId = await upsertStep(tx, ctx, incidentId, plan);
      keep.push(stepId);
      await linkEvidence(tx, stepId, plan.stageId, incidentId);
      const afterSources = plan.after.flatMap((k) => evidence.get(stageByKey.get(k) ?? "")?.sourceIds ?? []);
      const gaps = plan.inferred ? await linkGaps(tx, stepId, plan, [...plan.sourceIds, ...afterSources]) : 0;
      built.push({ stageKey: plan.stageKey, stepId, inferred: plan.inferred, confidence: plan.confidence, gaps });
    }
    await tx.query("DELETE FROM chain_steps WHERE incident_id = $1 AND origin = 'rules' AND NOT (id = ANY($2::uuid[]))", [
      incidentId,
      keep,
    ]);
    const skipped = stages.filter((s) => analystStages.has(s.id)).map((s) => s.key);
    await recordAuditSql(tx, ctx, {
      action: "chain.build",
      entityType: "Incident",
      entityId: incidentId,
      incidentId,
      after: { steps: built, skippedAnalystStages: skipped },
    });
    return { steps: built, skippedAnalystStages: skipped };
  });
}

async function upsertStep(tx: SqlRunner, ctx: Ctx, incidentId: string, plan: StepPlan): Promise<string> {
  const detail = { rules: plan.rules, impliedBy: plan.impliedBy, after: plan.after, missing: plan.missing, sourceIds: plan.sourceIds };
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO chain_steps (incident_id, stage_id, title, start_at, end_at, confidence, confidence_score, rationale, is_inferred,
                              position, origin, time_precision, event_count, detail, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::confidence, $7, $8, $9, $10, 'rules', $11, $12, $13::jsonb, now())
     ON CONFLICT (incident_id, stage_id) WHERE origin = 'rules' DO UPDATE SET
       title = excluded.title, start_at = excluded.start_at, end_at = excluded.end_at, rationale = excluded.rationale,
       is_inferred = excluded.is_inferred, position = excluded.position, time_precision = excluded.time_precision,
       event_count = excluded.event_count, detail = excluded.detail, updated_at = now()
     RETURNING id`,
    [
      incidentId,
      plan.stageId,
      plan.title,
      plan.startAt,
      plan.endAt,
      plan.confidence,
      plan.score,
      plan.rationale,
      plan.inferred,
      plan.position,
      plan.precision,
      plan.eventCount,
      JSON.stringify(detail),
    ],
  );
  if (!row) throw new Error(`chain step for stage ${plan.stageKey} was not written`);
  await recordRulesConfidence(tx, ctx, row.id, plan);
  return row.id;
}

/**
 * Keeps the rules' assessment as history when it changes, and shows it on the step unless an
 * analyst has assessed the step (their latest word stands until they change it).
 */
async function recordRulesConfidence(tx: SqlRunner, ctx: Ctx, stepId: string, plan: StepPlan) {
  const [last] = await tx.query<{ confidence: string; confidence_score: number }>(
    "SELECT confidence, confidence_score FROM chain_step_confidence WHERE step_id = $1 AND origin = 'rules' ORDER BY effective_at DESC, id DESC LIMIT 1",
    [stepId],
  );
  if (!last || last.confidence !== plan.confidence || last.confidence_score !== plan.score) {
    await tx.query(
      `INSERT INTO chain_step_confidence (step_id, confidence, confidence_score, rationale, effective_at, changed_by_id, origin)
       VALUES ($1, $2::confidence, $3, $4, now(), $5, 'rules')`,
      [stepId, plan.confidence, plan.score, plan.rationale, ctx.actor.userId],
    );
  }
  await tx.query(
    `UPDATE chain_steps SET confidence = $2::confidence, confidence_score = $3
     WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM chain_step_confidence WHERE step_id = $1 AND origin = 'analyst')`,
    [stepId, plan.confidence, plan.score],
  );
}

/** Links the stage's events (up to a limit), marking the first, the last and each rule's first as key. */
async function linkEvidence(tx: SqlRunner, stepId: string, stageId: string, incidentId: string) {
  await tx.query("DELETE FROM chain_step_events WHERE step_id = $1", [stepId]);
  await tx.query(
    `INSERT INTO chain_step_events (step_id, event_id, is_key)
     SELECT $1, id, (rn_rule = 1 OR rn_all = 1 OR rn_last = 1) FROM (
       SELECT id,
         row_number() OVER (PARTITION BY stage_set_by ORDER BY occurred_at, id) AS rn_rule,
         row_number() OVER (ORDER BY occurred_at, id) AS rn_all,
         row_number() OVER (ORDER BY occurred_at DESC, id DESC) AS rn_last
       FROM events WHERE incident_id = $3 AND stage_id = $2) e
     WHERE rn_all <= $4 OR rn_last = 1`,
    [stepId, stageId, incidentId, EVIDENCE_LINK_LIMIT],
  );
}

/**
 * An inferred step is linked to the gaps that overlap its window and concern the systems that
 * should have recorded it: gaps of the sources behind its own or its preconditions' evidence, and
 * gaps that name no source (a scope never collected).
 */
async function linkGaps(tx: SqlRunner, stepId: string, plan: StepPlan, sourceIds: string[]): Promise<number> {
  await tx.query("DELETE FROM gap_chain_steps WHERE step_id = $1", [stepId]);
  const rows = await tx.query<{ n: number }>(
    `WITH linked AS (
       INSERT INTO gap_chain_steps (gap_id, step_id)
       SELECT g.id, $1 FROM gaps g
       WHERE g.incident_id = (SELECT incident_id FROM chain_steps WHERE id = $1)
         AND ($2::timestamptz IS NULL OR g.end_at > $2) AND ($3::timestamptz IS NULL OR g.start_at < $3)
         AND (g.source_id IS NULL OR g.source_id = ANY($4::uuid[]))
       RETURNING 1)
     SELECT count(*)::int AS n FROM linked`,
    [stepId, plan.startAt, plan.endAt, [...new Set(sourceIds)]],
  );
  return rows[0]?.n ?? 0;
}
