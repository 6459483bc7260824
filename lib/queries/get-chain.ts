import { can } from "@/lib/access/authorize";
import { stepAnchor } from "@/lib/chain/step-order";
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
  /** The chain the step belongs to (null: an analyst's step outside any chain). */
  chainId: string | null;
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

/** An arrow between two steps: the later follows the earlier, and this is what ties them. */
export type ChainLinkView = {
  id: string;
  fromStepId: string;
  toStepId: string;
  origin: "rules" | "analyst";
  kind: "entity" | "inferred" | "analyst";
  /** The shared entities (none for executives, who see no raw evidence: the kind and rationale say enough). */
  ties: { kind: string; value: string }[];
  rationale: string;
};

/** One chain of tied evidence, or the findings that tie to nothing, with its steps in the order they happened. */
export type ChainGroupView = {
  id: string;
  kind: "chain" | "findings";
  ordinal: number;
  title: string;
  firstAt: string | null;
  lastAt: string | null;
  stepIds: string[];
  links: ChainLinkView[];
};

export type ChainView = {
  incidentId: string;
  asOf: string | null;
  stages: StageView[];
  /** Every step, in chain order (chains by first evidence, findings last); `chains` groups them. */
  steps: ChainStepView[];
  chains: ChainGroupView[];
  /** Steps left out as of `asOf`: their evidence begins after it (or, inferred, nothing implied them yet). */
  notYetObserved: number;
};

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
  const [stages, steps, history, hypotheses, gaps, keys, entities, chains, links] = await Promise.all([
    sql.query<{ id: string; key: string; name: string; position: number; n: number }>(
      `SELECT st.id, st.key, st.name, st.position, count(e.id)::int AS n FROM stages st
       LEFT JOIN events e ON e.incident_id = st.incident_id AND e.stage_id = st.id
       WHERE st.incident_id = $1 GROUP BY st.incident_id, st.id ORDER BY st.position`,
      [incidentId],
    ),
    sql.query<{
      id: string;
      chain_id: string | null;
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
    }>(
      `SELECT s.* FROM chain_steps s LEFT JOIN chains c ON c.id = s.chain_id WHERE s.incident_id = $1
       ORDER BY c.ordinal NULLS LAST, s.chain_id, s.position, s.start_at NULLS LAST`,
      [incidentId],
    ),
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
    sql.query<{ id: string; kind: "chain" | "findings"; ordinal: number; title: string; first_at: Date | null; last_at: Date | null }>(
      "SELECT id, kind, ordinal, title, first_at, last_at FROM chains WHERE incident_id = $1 ORDER BY ordinal",
      [incidentId],
    ),
    sql.query<{
      id: string;
      from_step_id: string;
      to_step_id: string;
      origin: ChainLinkView["origin"];
      kind: ChainLinkView["kind"];
      ties: { kind: string; value: string }[];
      rationale: string;
    }>(
      "SELECT id, from_step_id, to_step_id, origin, kind, ties, rationale FROM chain_links WHERE incident_id = $1 ORDER BY created_at, id",
      [incidentId],
    ),
  ]);
  const stageById = new Map(stages.map((s) => [s.id, s]));
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  // As of a date, a step whose evidence begins later was not yet observed (an inferred one: not yet implied).
  const visible = steps.filter((s) => !asOf || !observedAfter(s, asOf));
  const stepViews: ChainStepView[] = visible.map((s) => {
    const stage = stageById.get(s.stage_id);
    const own = history.filter((h) => h.step_id === s.id);
    return {
      id: s.id,
      chainId: s.chain_id,
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
  const shown = new Set(stepViews.map((s) => s.id));
  const chainViews: ChainGroupView[] = chains
    .map((c) => {
      const stepIds = orderInChain(stepViews.filter((s) => s.chainId === c.id)).map((s) => s.id);
      const at = (id: string) => stepIds.indexOf(id);
      return {
        id: c.id,
        kind: c.kind,
        ordinal: c.ordinal,
        title: c.title,
        firstAt: iso(c.first_at),
        lastAt: iso(c.last_at),
        stepIds,
        links: links
          .filter((l) => shown.has(l.from_step_id) && at(l.to_step_id) >= 0)
          .sort((a, b) => at(a.to_step_id) - at(b.to_step_id) || at(a.from_step_id) - at(b.from_step_id))
          .map((l) => ({
            id: l.id,
            fromStepId: l.from_step_id,
            toStepId: l.to_step_id,
            origin: l.origin,
            kind: l.kind,
            ties: mayOpenEvidence ? l.ties : [],
            rationale: mayOpenEvidence ? l.rationale : linkKindText(l.kind),
          })),
      };
    })
    .filter((c) => c.stepIds.length > 0);
  const orphans = stepViews.filter((s) => !s.chainId || !chains.some((c) => c.id === s.chainId));
  if (orphans.length > 0) {
    chainViews.push({
      id: "analyst",
      kind: "chain",
      ordinal: chainViews.length + 1,
      title: "Analyst's steps",
      firstAt: null,
      lastAt: null,
      stepIds: orphans.map((s) => s.id),
      links: [],
    });
  }
  const byId = new Map(stepViews.map((s) => [s.id, s]));
  const ordered = chainViews.flatMap((c) => c.stepIds.map((id) => byId.get(id) as ChainStepView));
  return {
    incidentId,
    asOf: asOf ? asOf.toISOString() : null,
    chains: chainViews,
    notYetObserved: steps.length - visible.length,
    stages: stages.map((s) => ({
      id: s.id,
      key: s.key,
      name: s.name,
      position: s.position,
      eventCount: s.n,
      stepId: visible.find((x) => x.stage_id === s.id)?.id ?? null,
    })),
    steps: ordered,
  };
}

/** True when, as of `asOf`, nothing yet showed the step: its evidence (or, inferred, what implies it) came later. */
function observedAfter(s: { start_at: Date | null; end_at: Date | null; is_inferred: boolean }, asOf: Date): boolean {
  const known = s.is_inferred ? (s.end_at ?? s.start_at) : (s.start_at ?? s.end_at);
  return known !== null && new Date(known) > asOf;
}

/** A chain's steps in the order they happened: first evidence, an inferred step by the middle of its bounds. */
export function orderInChain<T extends { startAt: string | null; endAt: string | null; inferred: boolean; position: number }>(
  steps: T[],
): T[] {
  const at = (s: T) => stepAnchor(s.startAt ? Date.parse(s.startAt) : null, s.endAt ? Date.parse(s.endAt) : null, s.inferred);
  return [...steps].sort((x, y) => at(x) - at(y) || x.position - y.position);
}

/** What an arrow rests on, in words an executive reads (they see no entity values). */
function linkKindText(kind: ChainLinkView["kind"]): string {
  if (kind === "entity") return "The two steps' evidence names the same accounts, addresses, hosts, apps, keys or files.";
  if (kind === "inferred") return "Inferred: the later step implies the earlier; no shared evidence ties them.";
  return "Linked by an analyst.";
}
