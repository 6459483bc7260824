import { IMPLIED_STAGES, RULE_CONFIDENCE } from "./inference";
import type { StageEvidence } from "./stage-evidence";

export type PlanStage = { id: string; key: string; name: string; position: number };
export type ConfidenceLabel = "confirmed" | "likely" | "possible" | "unknown";

/** A step as the rules see it, before it is written. */
export type StepPlan = {
  stageId: string;
  stageKey: string;
  title: string;
  startAt: Date | null;
  endAt: Date | null;
  precision: "instant" | "window" | "unknown";
  inferred: boolean;
  confidence: ConfidenceLabel;
  score: number;
  rationale: string;
  position: number;
  eventCount: number;
  /** Stages whose evidence implies this step, and the stages that bound its window. */
  impliedBy: string[];
  after: string[];
  missing: string | null;
  rules: StageEvidence["rules"];
  sourceIds: string[];
};

const iso = (d: Date) => d.toISOString();

/**
 * The chain the evidence supports, one step per stage: a stage with direct evidence is a
 * confirmed step over its events' span; a stage with only circumstantial evidence, or none but
 * implied by a later stage's evidence, is an inferred step whose rationale says what is missing.
 */
export function planChain(stages: PlanStage[], evidence: Map<string, StageEvidence>): StepPlan[] {
  const ordered = [...stages].sort((a, b) => a.position - b.position);
  const byKey = new Map(ordered.map((s) => [s.key, s]));
  const ev = (key: string) => {
    const stage = byKey.get(key);
    return stage ? evidence.get(stage.id) : undefined;
  };
  const plans: StepPlan[] = [];
  for (const stage of ordered) {
    const own = evidence.get(stage.id);
    const implication = IMPLIED_STAGES[stage.key];
    const impliedBy = [...(implication?.before ?? []).filter((k) => ev(k)?.directCount), ...carriedOver(implication, ev)];
    if (own?.directCount) {
      plans.push(direct(stage, own));
      continue;
    }
    if (!own && impliedBy.length === 0) continue;
    plans.push(inferred(stage, own, implication, impliedBy, ev));
  }
  return plans;
}

/** The channel stages that imply a carried step: seen again after what it would carry was there. */
function carriedOver(implication: (typeof IMPLIED_STAGES)[string] | undefined, ev: (key: string) => StageEvidence | undefined): string[] {
  if (!implication?.carriedBy) return [];
  const taken = implication.after.map((k) => ev(k)).filter((e) => e?.directCount);
  if (taken.length === 0) return [];
  const from = Math.min(...taken.map((e) => e?.firstAt.getTime() ?? Number.POSITIVE_INFINITY));
  return implication.carriedBy.filter((k) => {
    const channel = ev(k);
    return Boolean(channel?.directCount) && (channel?.lastAt.getTime() ?? 0) > from;
  });
}

function direct(stage: PlanStage, own: StageEvidence): StepPlan {
  const instant = own.firstAt.getTime() === own.lastAt.getTime();
  const rules = own.rules.map((r) => `${r.name} (${r.count})`).join("; ");
  const shown = `${own.directCount === 1 ? "1 event shows" : `${own.directCount} events show`} this step directly, ${iso(own.firstAt)} to ${iso(own.lastAt)}: ${rules}.`;
  const judged = judgeDirect(own);
  return {
    ...base(stage, own),
    startAt: own.firstAt,
    endAt: own.lastAt,
    precision: instant ? "instant" : "window",
    inferred: false,
    confidence: judged.label,
    score: judged.score,
    rationale: `${shown} ${judged.why}`,
    impliedBy: [],
    after: [],
    missing: null,
  };
}

/**
 * Confidence from the step's own evidence: "confirmed" needs success seen directly, by more than
 * one source or kind of evidence; one kind from one source is "likely" until something else
 * corroborates it (a linked step can, see corroborate); failures alone show only an attempt.
 */
export function judgeDirect(own: StageEvidence): { label: ConfidenceLabel; score: number; why: string } {
  if ((own.failedCount ?? 0) >= own.directCount) {
    const c = RULE_CONFIDENCE.attemptsOnly;
    return { ...c, why: "Every one records a failure: they show attempts, and nothing shows one succeeded." };
  }
  const kinds = Math.max(new Set(own.rules.filter((r) => r.evidence === "direct").map((r) => r.key)).size, own.kindCount ?? 0);
  if (own.sourceIds.length >= 2 || kinds >= 2) {
    const by = [own.sourceIds.length >= 2 ? `${own.sourceIds.length} sources` : "", kinds >= 2 ? `${kinds} kinds of evidence` : ""]
      .filter(Boolean)
      .join(" and ");
    return { ...RULE_CONFIDENCE.direct, why: `Confirmed: ${by} agree.` };
  }
  return {
    ...RULE_CONFIDENCE.uncorroborated,
    why: "One kind of evidence from one source: likely until another source or kind of evidence corroborates it.",
  };
}

function inferred(
  stage: PlanStage,
  own: StageEvidence | undefined,
  implication: (typeof IMPLIED_STAGES)[string] | undefined,
  impliedBy: string[],
  ev: (key: string) => StageEvidence | undefined,
): StepPlan {
  const parts: string[] = ["No event shows this step directly."];
  let startAt: Date | null = own?.firstAt ?? null;
  let endAt: Date | null = own?.lastAt ?? null;
  let precision: StepPlan["precision"] = own ? "window" : "unknown";
  const after = (implication?.after ?? []).filter((k) => ev(k));
  if (implication?.carriedBy && impliedBy.length > 0) {
    // Bounded by what made it possible and the last sight of the channel it would have used.
    const taken = after.filter((k) => ev(k)?.directCount);
    startAt = new Date(Math.min(...taken.map((k) => ev(k)?.firstAt.getTime() ?? Number.POSITIVE_INFINITY)));
    endAt = new Date(Math.max(...impliedBy.map((k) => ev(k)?.lastAt.getTime() ?? 0)));
    precision = "unknown";
    parts.push(
      `It is implied by ${taken.join(", ")} (from ${startAt.toISOString()}) with ${impliedBy.join(", ")} still seen afterwards (last ${endAt.toISOString()}), so if it happened, it was between those dates.`,
    );
  } else if (impliedBy.length > 0) {
    // Bounded, not located: after what made it possible, before what needed it.
    const ends = after.map((k) => ev(k)?.lastAt.getTime() ?? 0);
    const starts = impliedBy.map((k) => ev(k)?.firstAt.getTime() ?? Number.POSITIVE_INFINITY);
    startAt = ends.length ? new Date(Math.max(...ends)) : null;
    endAt = new Date(Math.min(...starts));
    precision = "unknown";
    parts.push(
      `It is implied by ${impliedBy.join(", ")} (first evidence ${endAt.toISOString()}), so it happened ${
        startAt ? `between ${startAt.toISOString()} (end of ${after.join(", ")})` : "at some unknown time"
      } and that date.`,
    );
  }
  if (own) {
    parts.push(
      `${own.count} event${own.count === 1 ? "" : "s"} fit it without proving it: ${own.rules.map((r) => `${r.name} (${r.count})`).join("; ")}.`,
    );
  }
  if (implication?.missing) parts.push(implication.missing);
  const confidence = own ? RULE_CONFIDENCE.circumstantial : RULE_CONFIDENCE.impliedOnly;
  return {
    ...base(stage, own),
    startAt,
    endAt,
    precision,
    inferred: true,
    confidence: confidence.label,
    score: confidence.score,
    rationale: parts.join(" "),
    impliedBy,
    after,
    missing: implication?.missing ?? null,
  };
}

function base(stage: PlanStage, own: StageEvidence | undefined) {
  return {
    stageId: stage.id,
    stageKey: stage.key,
    title: stage.name,
    position: stage.position,
    eventCount: own?.count ?? 0,
    rules: own?.rules ?? [],
    sourceIds: own?.sourceIds ?? [],
  };
}
