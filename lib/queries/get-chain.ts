import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { readStepEntities, type StepEntity } from "./step-entities";

export type ChainConfidence = {
  label: "confirmed" | "likely" | "possible" | "unknown";
  score: number;
  origin: "rules" | "analyst" | "none";
  /** When the belief took effect and why; null for "none". */
  effectiveAt: string | null;
  rationale: string;
  citation: string;
  /** Whose judgement: the publisher it is attributed to (MSRC, CSRB), else who entered it. */
  by: string | null;
  /** Who entered it (differs from `by` for the public record's assessments). */
  enteredBy: string | null;
};

export type ChainStepView = {
  id: string;
  stageKey: string;
  stageName: string;
  position: number;
  title: string;
  startAt: string | null;
  endAt: string | null;
  timePrecision: string;
  inferred: boolean;
  origin: string;
  eventCount: number;
  rationale: string;
  confidence: ChainConfidence;
  history: (ChainConfidence & { recordedAt: string })[];
  hypotheses: { id: string; title: string; status: string }[];
  gaps: { id: string; reason: string; origin: string; scope: string; startAt: string; endAt: string; description: string }[];
  keyEventIds: string[];
  /** The accounts, addresses, hosts, apps, keys, mailboxes and files its evidence names, most-named first. */
  entities: StepEntity[];
  detail: Record<string, unknown>;
};

export type StageView = { id: string; key: string; name: string; position: number; eventCount: number; stepId: string | null };

export type ChainView = { incidentId: string; asOf: string | null; stages: StageView[]; steps: ChainStepView[] };

type HistoryRow = {
  step_id: string;
  confidence: ChainConfidence["label"];
  confidence_score: number;
  origin: "rules" | "analyst";
  effective_at: Date;
  recorded_at: Date;
  rationale: string;
  citation: string;
  by_name: string;
  attributed_to: string | null;
};

const toConfidence = (h: HistoryRow): ChainConfidence => ({
  label: h.confidence,
  score: h.confidence_score,
  origin: h.origin,
  effectiveAt: new Date(h.effective_at).toISOString(),
  rationale: h.rationale,
  citation: h.citation,
  by: h.attributed_to ?? h.by_name,
  enteredBy: h.by_name,
});

/**
 * The belief about a step on a date: the latest analyst assessment in effect by then, else the
 * rules' current reading of the evidence (the logs say what they say whenever you read them).
 */
export function confidenceAsOf(history: HistoryRow[], asOf: Date | null): ChainConfidence {
  const analyst = history
    .filter((h) => h.origin === "analyst" && (!asOf || new Date(h.effective_at) <= asOf))
    .sort((a, b) => +new Date(a.effective_at) - +new Date(b.effective_at) || +new Date(a.recorded_at) - +new Date(b.recorded_at));
  const latestAnalyst = analyst.at(-1);
  if (latestAnalyst) return toConfidence(latestAnalyst);
  const rules = history.filter((h) => h.origin === "rules").sort((a, b) => +new Date(a.recorded_at) - +new Date(b.recorded_at));
  const latestRules = rules.at(-1);
  if (latestRules) return toConfidence(latestRules);
  return { label: "unknown", score: 0, origin: "none", effectiveAt: null, rationale: "", citation: "", by: null, enteredBy: null };
}

/** The incident's chain, its stages and each step's confidence as believed on `asOf` (now when null). */
export async function getChain(ctx: Ctx, incidentId: string, asOf: Date | null = null): Promise<ChainView | null> {
  const sql = ctx.db.sql;
  if (!(await can(ctx, incidentId, "chain.view"))) return null;
  // Executives read the chain but no raw evidence: no event ids, no rule details naming sources.
  const mayOpenEvidence = await can(ctx, incidentId, "evidence.view");
  const [stages, steps, history, hypotheses, gaps, keys, entities] = await Promise.all([
    sql.query<{ id: string; key: string; name: string; position: number; n: number }>(
      `SELECT st.id, st.key, st.name, st.position, count(e.id)::int AS n FROM stages st
       LEFT JOIN events e ON e.incident_id = st.incident_id AND e.stage_id = st.id
       WHERE st.incident_id = $1 GROUP BY st.id ORDER BY st.position`,
      [incidentId],
    ),
    sql.query<{
      id: string;
      stage_id: string;
      title: string;
      start_at: Date | null;
      end_at: Date | null;
      time_precision: string;
      is_inferred: boolean;
      origin: string;
      event_count: number;
      rationale: string;
      position: number;
      detail: Record<string, unknown>;
    }>("SELECT * FROM chain_steps WHERE incident_id = $1 ORDER BY position, start_at NULLS LAST", [incidentId]),
    sql.query<HistoryRow>(
      `SELECT h.step_id, h.confidence, h.confidence_score, h.origin, h.effective_at, h.recorded_at, h.rationale, h.citation, h.attributed_to, u.name AS by_name
       FROM chain_step_confidence h JOIN chain_steps s ON s.id = h.step_id JOIN users u ON u.id = h.changed_by_id
       WHERE s.incident_id = $1 ORDER BY h.effective_at, h.id`,
      [incidentId],
    ),
    sql.query<{ step_id: string; id: string; title: string; status: string }>(
      `SELECT sh.step_id, h.id, h.title, h.status FROM chain_step_hypotheses sh JOIN hypotheses h ON h.id = sh.hypothesis_id
       WHERE h.incident_id = $1 ORDER BY h.created_at, h.title`,
      [incidentId],
    ),
    sql.query<{
      step_id: string;
      id: string;
      reason: string;
      origin: string;
      scope: string;
      start_at: Date;
      end_at: Date;
      description: string;
    }>(
      `SELECT gs.step_id, g.id, g.reason, g.origin, g.scope, g.start_at, g.end_at, g.description FROM gap_chain_steps gs
       JOIN gaps g ON g.id = gs.gap_id WHERE g.incident_id = $1 ORDER BY g.start_at`,
      [incidentId],
    ),
    sql.query<{ step_id: string; event_id: number }>(
      `SELECT ce.step_id, ce.event_id FROM chain_step_events ce JOIN chain_steps s ON s.id = ce.step_id
       WHERE s.incident_id = $1 AND ce.is_key ORDER BY ce.event_id`,
      [incidentId],
    ),
    // Entities are raw evidence: executives get the chain without them.
    mayOpenEvidence ? readStepEntities(sql, incidentId) : Promise.resolve(new Map<string, StepEntity[]>()),
  ]);
  const stageById = new Map(stages.map((s) => [s.id, s]));
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  const stepViews: ChainStepView[] = steps.map((s) => {
    const stage = stageById.get(s.stage_id);
    const own = history.filter((h) => h.step_id === s.id);
    return {
      id: s.id,
      stageKey: stage?.key ?? "",
      stageName: stage?.name ?? "",
      position: stage?.position ?? s.position,
      title: s.title,
      startAt: iso(s.start_at),
      endAt: iso(s.end_at),
      timePrecision: s.time_precision,
      inferred: s.is_inferred,
      origin: s.origin,
      eventCount: s.event_count,
      rationale: s.rationale,
      confidence: confidenceAsOf(own, asOf),
      history: own.map((h) => ({ ...toConfidence(h), recordedAt: new Date(h.recorded_at).toISOString() })),
      hypotheses: hypotheses.filter((h) => h.step_id === s.id).map(({ id, title, status }) => ({ id, title, status })),
      gaps: gaps
        .filter((g) => g.step_id === s.id)
        .map((g) => ({
          id: g.id,
          reason: g.reason,
          origin: g.origin,
          // A gap's scope names the log source: raw evidence, not for executives.
          scope: mayOpenEvidence ? g.scope : "",
          startAt: iso(g.start_at) ?? "",
          endAt: iso(g.end_at) ?? "",
          description: g.description,
        })),
      keyEventIds: mayOpenEvidence ? keys.filter((k) => k.step_id === s.id).map((k) => String(k.event_id)) : [],
      entities: entities.get(s.id) ?? [],
      detail: mayOpenEvidence ? s.detail : {},
    };
  });
  return {
    incidentId,
    asOf: asOf ? asOf.toISOString() : null,
    stages: stages.map((s) => ({
      id: s.id,
      key: s.key,
      name: s.name,
      position: s.position,
      eventCount: s.n,
      stepId: steps.find((x) => x.stage_id === s.id)?.id ?? null,
    })),
    steps: stepViews,
  };
}
