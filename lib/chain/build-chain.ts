import { authorize } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { type ChainPlan, type PlannedStep, planChains } from "./link/plan-chains";
import { readTaggedEvidence } from "./link/read-tagged-evidence";
import type { PlanStage, StepPlan } from "./plan-chain";

/** How many events a rule-built step links as evidence (the rest are one click away by stage). */
const EVIDENCE_LINK_LIMIT = 10_000;

export type BuildChainResult = {
  chains: { chainId: string; kind: "chain" | "findings"; steps: number; links: number }[];
  steps: { stageKey: string; stepId: string; chainId: string; inferred: boolean; confidence: string; gaps: number }[];
  skippedAnalystStages: string[];
  /** Tagged events left out of linking past the limit (they keep their tags). */
  unlinkedPastLimit: boolean;
};

/**
 * Builds (or rebuilds) the rule-made chains from the events' stage tags: the tagged evidence is
 * grouped into chains by what it shares (lib/chain/link), each chain gets a step per stage with
 * evidence or implied by a later one, with its evidence links, its confidence (kept as history
 * when it changes), arrows that say what ties each pair, and, for inferred steps, the evidence gaps
 * that overlap its window. A rebuilt chain keeps the ids of the chain and steps it replaces (the
 * one whose evidence it shares most), so assessments and hypotheses stay attached. Steps an
 * analyst made or took over are left exactly as they are.
 */
export async function buildChain(ctx: Ctx, incidentId: string): Promise<BuildChainResult> {
  await authorize(ctx, incidentId, "evidence.edit");
  return ctx.db.sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('chainline.chain'), hashtext($1))", [incidentId]);
    const stages = await tx.query<PlanStage>("SELECT id, key, name, position FROM stages WHERE incident_id = $1", [incidentId]);
    const { events, truncated } = await readTaggedEvidence(tx, incidentId);
    const plans = planChains(stages, events);
    const analyst = await tx.query<{ id: string; stage_id: string; chain_id: string | null }>(
      "SELECT id, stage_id, chain_id FROM chain_steps WHERE incident_id = $1 AND origin = 'analyst' ORDER BY created_at, id",
      [incidentId],
    );
    const chainIds = await matchChains(tx, incidentId, plans);
    const result: BuildChainResult = { chains: [], steps: [], skippedAnalystStages: [], unlinkedPastLimit: truncated };
    const keepSteps: string[] = [];
    let ordinal = 0;
    for (const [i, plan] of plans.entries()) {
      const chainId = chainIds[i] as string;
      ordinal++;
      await tx.query(
        `UPDATE chains SET kind = $2, ordinal = $3, title = $4, first_at = $5, last_at = $6, updated_at = now() WHERE id = $1`,
        [chainId, plan.kind, ordinal, chainTitle(plan, ordinal), plan.firstAt, plan.lastAt],
      );
      const stepIds: string[] = [];
      for (const step of plan.steps) {
        const taken = analyst.find((a) => a.stage_id === step.stageId && (a.chain_id === chainId || a.chain_id === null));
        if (taken) {
          // The analyst's step stands as they left it; the arrows to and from it are still the evidence's.
          stepIds.push(taken.id);
          continue;
        }
        const stepId = await upsertStep(tx, ctx, incidentId, chainId, step);
        stepIds.push(stepId);
        keepSteps.push(stepId);
        await linkEvidence(tx, incidentId, stepId, step.eventIds);
        const gaps = step.inferred ? await linkGaps(tx, stepId, step, gapSources(plan, step)) : 0;
        result.steps.push({ stageKey: step.stageKey, stepId, chainId, inferred: step.inferred, confidence: step.confidence, gaps });
      }
      const links = await writeLinks(tx, incidentId, plan, stepIds);
      result.chains.push({ chainId, kind: plan.kind, steps: plan.steps.length, links });
    }
    await tx.query("DELETE FROM chain_steps WHERE incident_id = $1 AND origin = 'rules' AND NOT (id = ANY($2::uuid[]))", [
      incidentId,
      keepSteps,
    ]);
    await tx.query(
      `DELETE FROM chains c WHERE c.incident_id = $1 AND NOT (c.id = ANY($2::uuid[]))
         AND NOT EXISTS (SELECT 1 FROM chain_steps s WHERE s.chain_id = c.id)`,
      [incidentId, chainIds],
    );
    result.skippedAnalystStages = [...new Set(analyst.map((a) => stages.find((s) => s.id === a.stage_id)?.key ?? ""))].filter(Boolean);
    await recordAuditSql(tx, ctx, {
      action: "chain.build",
      entityType: "Incident",
      entityId: incidentId,
      incidentId,
      after: { chains: result.chains, steps: result.steps, skippedAnalystStages: result.skippedAnalystStages },
    });
    return result;
  });
}

/**
 * "Chain 1: adelev@contoso.test, 175.45.176.99" (what ties most of it, each value whole: pages wrap
 * it, as a cut path or app id names nothing); the findings are "Unlinked findings".
 */
function chainTitle(plan: ChainPlan, ordinal: number): string {
  if (plan.kind === "findings") return "Unlinked findings";
  const by = plan.keyTies.map((t) => t.value).join(", ");
  return by ? `Chain ${ordinal}: ${by}` : `Chain ${ordinal}`;
}

/** The sources whose gaps concern an inferred step: those of its own evidence and of the steps it must follow. */
function gapSources(plan: ChainPlan, step: PlannedStep): string[] {
  const after = plan.steps.filter((s) => step.after.includes(s.stageKey)).flatMap((s) => s.sourceIds);
  return [...step.sourceIds, ...after];
}

/**
 * The id each planned chain is written under: the existing chain whose steps' evidence it shares
 * most (so a rebuild keeps ids, assessments and hypotheses), else a new one.
 */
async function matchChains(tx: SqlRunner, incidentId: string, plans: ChainPlan[]): Promise<string[]> {
  const existing = await tx.query<{ chain_id: string; event_ids: string[] }>(
    `SELECT s.chain_id, array_agg(ce.event_id::text) AS event_ids FROM chain_steps s
     JOIN chain_step_events ce ON ce.incident_id = s.incident_id AND ce.step_id = s.id
     WHERE s.incident_id = $1 AND s.chain_id IS NOT NULL GROUP BY s.chain_id`,
    [incidentId],
  );
  const kinds = await tx.query<{ id: string; kind: string }>("SELECT id, kind FROM chains WHERE incident_id = $1", [incidentId]);
  const kindOf = new Map(kinds.map((k) => [k.id, k.kind]));
  const sets = existing.map((x) => ({ id: x.chain_id, ids: new Set(x.event_ids.map(Number)) }));
  const scored: { plan: number; chain: string; shared: number }[] = [];
  plans.forEach((p, i) => {
    const ids = p.steps.flatMap((s) => s.eventIds);
    for (const c of sets) {
      if (kindOf.get(c.id) !== p.kind) continue;
      const shared = ids.filter((id) => c.ids.has(id)).length;
      if (shared > 0) scored.push({ plan: i, chain: c.id, shared });
    }
  });
  // Greedy by overlap: each old chain goes to the new one that shares most with it.
  scored.sort((a, b) => b.shared - a.shared);
  const out: (string | undefined)[] = plans.map(() => undefined);
  const used = new Set<string>();
  for (const s of scored) {
    if (out[s.plan] || used.has(s.chain)) continue;
    out[s.plan] = s.chain;
    used.add(s.chain);
  }
  for (const [i, p] of plans.entries()) {
    if (out[i]) continue;
    const [row] = await tx.query<{ id: string }>("INSERT INTO chains (incident_id, kind) VALUES ($1, $2) RETURNING id", [
      incidentId,
      p.kind,
    ]);
    out[i] = row?.id;
  }
  return out as string[];
}

/** Replaces the rule-made arrows of a chain's steps (an analyst's own arrows stay). */
async function writeLinks(tx: SqlRunner, incidentId: string, plan: ChainPlan, ids: string[]): Promise<number> {
  await tx.query("DELETE FROM chain_links WHERE origin = 'rules' AND (from_step_id = ANY($1::uuid[]) OR to_step_id = ANY($1::uuid[]))", [
    ids,
  ]);
  let n = 0;
  for (const link of plan.links) {
    const from = ids[link.from];
    const to = ids[link.to];
    if (!from || !to) continue;
    await tx.query(
      `INSERT INTO chain_links (incident_id, from_step_id, to_step_id, origin, kind, ties, rationale)
       VALUES ($1, $2, $3, 'rules', $4, $5::jsonb, $6) ON CONFLICT (incident_id, from_step_id, to_step_id) DO NOTHING`,
      [incidentId, from, to, link.kind, JSON.stringify(link.ties), link.rationale],
    );
    n++;
  }
  return n;
}

async function upsertStep(tx: SqlRunner, ctx: Ctx, incidentId: string, chainId: string, plan: StepPlan): Promise<string> {
  const detail = { rules: plan.rules, impliedBy: plan.impliedBy, after: plan.after, missing: plan.missing, sourceIds: plan.sourceIds };
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO chain_steps (incident_id, stage_id, title, start_at, end_at, confidence, confidence_score, rationale, is_inferred,
                              position, origin, time_precision, event_count, detail, updated_at, chain_id)
     VALUES ($1, $2, $3, $4, $5, $6::confidence, $7, $8, $9, $10, 'rules', $11, $12, $13::jsonb, now(), $14)
     ON CONFLICT (incident_id, chain_id, stage_id) WHERE origin = 'rules' DO UPDATE SET
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
      chainId,
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
      `INSERT INTO chain_step_confidence (incident_id, step_id, confidence, confidence_score, rationale, effective_at, changed_by_id, origin)
       SELECT incident_id, $1, $2::confidence, $3, $4, now(), $5, 'rules' FROM chain_steps WHERE id = $1`,
      [stepId, plan.confidence, plan.score, plan.rationale, ctx.actor.userId],
    );
  }
  await tx.query(
    `UPDATE chain_steps SET confidence = $2::confidence, confidence_score = $3
     WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM chain_step_confidence WHERE step_id = $1 AND origin = 'analyst')`,
    [stepId, plan.confidence, plan.score],
  );
}

/** Links the step's events (up to a limit), marking the first, the last and each rule's first as key. */
async function linkEvidence(tx: SqlRunner, incidentId: string, stepId: string, eventIds: number[]) {
  await tx.query("DELETE FROM chain_step_events WHERE step_id = $1", [stepId]);
  await tx.query(
    `INSERT INTO chain_step_events (incident_id, step_id, event_id, is_key)
     SELECT incident_id, $1, id, (rn_rule = 1 OR rn_all = 1 OR rn_last = 1) FROM (
       SELECT incident_id, id,
         row_number() OVER (PARTITION BY stage_set_by ORDER BY occurred_at, id) AS rn_rule,
         row_number() OVER (ORDER BY occurred_at, id) AS rn_all,
         row_number() OVER (ORDER BY occurred_at DESC, id DESC) AS rn_last
       FROM events WHERE incident_id = $4 AND id = ANY($2::bigint[])) e
     WHERE rn_all <= $3 OR rn_last = 1`,
    [stepId, eventIds.map(String), EVIDENCE_LINK_LIMIT, incidentId],
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
       INSERT INTO gap_chain_steps (incident_id, gap_id, step_id)
       SELECT g.incident_id, g.id, $1 FROM gaps g
       WHERE g.incident_id = (SELECT incident_id FROM chain_steps WHERE id = $1)
         AND ($2::timestamptz IS NULL OR g.end_at > $2) AND ($3::timestamptz IS NULL OR g.start_at < $3)
         AND (g.source_id IS NULL OR g.source_id = ANY($4::uuid[]))
       RETURNING 1)
     SELECT count(*)::int AS n FROM linked`,
    [stepId, plan.startAt, plan.endAt, [...new Set(sourceIds)]],
  );
  return rows[0]?.n ?? 0;
}
