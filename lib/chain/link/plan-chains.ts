import { IMPLIED_STAGES, RULE_CONFIDENCE } from "../inference";
import { type PlanStage, planChain, type StepPlan } from "../plan-chain";
import type { StageEvidence } from "../stage-evidence";
import { stepAnchor } from "../step-order";
import { clusterEvidence } from "./cluster-evidence";
import type { TaggedEvent } from "./read-tagged-evidence";
import type { TieKind } from "./tie-keys";

/** What an arrow between two steps rests on. */
export type LinkTie = { kind: TieKind; value: string };

/** An arrow from an earlier step to a later one of the same chain. */
export type LinkPlan = {
  from: number;
  to: number;
  /** entity: the two steps' evidence shares what `ties` lists; inferred: the later step implies the earlier. */
  kind: "entity" | "inferred";
  ties: LinkTie[];
  rationale: string;
};

export type PlannedStep = StepPlan & { eventIds: number[] };

/** A chain (evidence tied together), or the findings that tie to nothing. */
export type ChainPlan = {
  kind: "chain" | "findings";
  firstAt: Date;
  lastAt: Date;
  /** In the order the chain happened. */
  steps: PlannedStep[];
  links: LinkPlan[];
  /** What ties most of its steps (the engineer's account, the host): what the chain is called by. */
  keyTies: LinkTie[];
};

const TIE_ORDER: TieKind[] = ["account", "ip", "host", "key", "app", "mailbox", "file", "session", "process"];
/** How many shared values an arrow names, in all and of one kind (the rest are counted in its rationale). */
const TIES_PER_LINK = 5;
const TIES_PER_KIND = 2;

/**
 * The chains the tagged evidence supports: events are clustered by the entities they share
 * (within each kind's time bound); a cluster with evidence of two or more stages is a chain, with
 * its own inferred steps, its steps in time order and an arrow wherever a later step shares an
 * entity with an earlier one; the rest are findings that tie to nothing. A stage that only an
 * inference can explain (the key theft between the dump and the forged tokens) joins the clusters
 * on either side of it, and its arrows say they rest on the inference.
 */
export function planChains(stages: PlanStage[], events: TaggedEvent[]): ChainPlan[] {
  const stageById = new Map(stages.map((s) => [s.id, s]));
  const cluster = clusterEvidence(events);
  const groups = new Map<number, TaggedEvent[]>();
  events.forEach((e, i) => {
    const c = cluster[i] as number;
    const list = groups.get(c) ?? [];
    list.push(e);
    groups.set(c, list);
  });
  const merged = bridgeByInference([...groups.values()], stages);
  const linked = merged.filter((g) => new Set(g.map((e) => e.stageId)).size >= 2);
  const isLinked = new Set(linked);
  // The chains holding each stage, found once: thousands of lone events may ask.
  const chainsWithStage = new Map<string, TaggedEvent[][]>();
  for (const g of linked) {
    for (const stageId of new Set(g.map((e) => e.stageId))) chainsWithStage.set(stageId, [...(chainsWithStage.get(stageId) ?? []), g]);
  }
  const unlinked: TaggedEvent[] = [];
  for (const group of merged) {
    if (isLinked.has(group)) continue;
    // Evidence that names nothing at all cannot be tied by what it names: it joins its stage's
    // step when exactly one chain has that stage (a SOC's case note beside the alert), else it
    // stays a finding.
    const home = group.every((e) => e.ties.length === 0) ? (chainsWithStage.get(group[0]?.stageId ?? "") ?? []) : [];
    const into = home.length === 1 ? (home[0] as TaggedEvent[]) : unlinked;
    for (const e of group) into.push(e);
  }
  const chains = linked.map((g) => planOne(stages, g));
  chains.sort((a, b) => +a.firstAt - +b.firstAt);
  if (unlinked.length > 0) chains.push(findings(stageById, unlinked));
  return chains;
}

/** What the events of one stage add up to (the shape the step planner reads). */
export function stageEvidenceOf(stageId: string, events: readonly TaggedEvent[]): StageEvidence {
  const rules = new Map<string, StageEvidence["rules"][number]>();
  const { firstAt, lastAt } = span(events);
  let directCount = 0;
  let failedCount = 0;
  const sources = new Set<string>();
  const kinds = new Set<string>();
  for (const e of events) {
    sources.add(e.sourceId);
    if (e.direct) {
      directCount++;
      kinds.add(`${e.ruleKey}\u0000${e.action ?? ""}`);
      if (e.failed) failedCount++;
    }
    const r = rules.get(e.ruleKey) ?? { key: e.ruleKey, name: e.ruleName, evidence: e.direct ? "direct" : "circumstantial", count: 0 };
    r.count++;
    rules.set(e.ruleKey, r);
  }
  return {
    stageId,
    count: events.length,
    directCount,
    failedCount,
    kindCount: kinds.size,
    firstAt,
    lastAt,
    rules: [...rules.values()],
    sourceIds: [...sources],
  };
}

function byStage(events: readonly TaggedEvent[]): Map<string, TaggedEvent[]> {
  const out = new Map<string, TaggedEvent[]>();
  for (const e of events) {
    const list = out.get(e.stageId) ?? [];
    list.push(e);
    out.set(e.stageId, list);
  }
  return out;
}

/**
 * Joins clusters an inferred stage bridges: a cluster with evidence of a stage that implies it
 * (forged tokens imply a stolen key) joins the earlier clusters holding the stage's own evidence
 * or the evidence it must follow (the dump it was taken from). Only implications that say what
 * they follow bridge: "initial access" is implied by everything and ties nothing together.
 */
function bridgeByInference(groups: TaggedEvent[][], stages: PlanStage[]): TaggedEvent[][] {
  const idOf = new Map(stages.map((s) => [s.key, s.id]));
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : find(parent[i] as number));
  const stageSets = groups.map((g) => new Set(g.map((e) => e.stageId)));
  const firstOf = (g: TaggedEvent[], ids: Set<string>) => span(g.filter((e) => ids.has(e.stageId))).firstAt.getTime();
  for (const [key, implication] of Object.entries(IMPLIED_STAGES)) {
    if (implication.after.length === 0) continue;
    const self = idOf.get(key);
    const before = new Set(implication.before.map((k) => idOf.get(k)).filter((x): x is string => Boolean(x)));
    const earlier = new Set([self, ...implication.after.map((k) => idOf.get(k))].filter((x): x is string => Boolean(x)));
    groups.forEach((g, i) => {
      if (![...before].some((b) => stageSets[i]?.has(b))) return;
      const needs = firstOf(g, before);
      groups.forEach((h, j) => {
        if (i === j || ![...earlier].some((b) => stageSets[j]?.has(b))) return;
        if (firstOf(h, earlier) < needs) parent[find(j)] = find(i);
      });
    });
  }
  const out = new Map<number, TaggedEvent[]>();
  groups.forEach((g, i) => {
    const root = find(i);
    const into = out.get(root);
    if (into) for (const e of g) into.push(e);
    else out.set(root, [...g]);
  });
  return [...out.values()];
}

const anchor = (s: StepPlan) => stepAnchor(s.startAt?.getTime() ?? null, s.endAt?.getTime() ?? null, s.inferred);

function planOne(stages: PlanStage[], group: TaggedEvent[]): ChainPlan {
  const perStage = byStage(group);
  const evidence = new Map([...perStage].map(([id, evs]) => [id, stageEvidenceOf(id, evs)]));
  const steps: PlannedStep[] = planChain(stages, evidence)
    .map((p) => ({ ...p, eventIds: (perStage.get(p.stageId) ?? []).map((e) => e.id) }))
    .sort((a, b) => anchor(a) - anchor(b) || a.position - b.position);
  const links = linkSteps(steps, perStage);
  corroborate(steps, perStage);
  return { kind: "chain", ...span(group), steps, links, keyTies: keyTiesOf(steps, perStage) };
}

/** The ties each step's evidence has, by key, with the value to show. */
function tiesOfStep(events: readonly TaggedEvent[]): Map<string, LinkTie> {
  const out = new Map<string, LinkTie>();
  for (const e of events) for (const t of e.ties) if (!out.has(t.key)) out.set(t.key, { kind: t.kind, value: t.label });
  return out;
}

const startOf = (s: StepPlan) => s.startAt?.getTime() ?? Number.NEGATIVE_INFINITY;
const endOf = (s: StepPlan) => s.endAt?.getTime() ?? s.startAt?.getTime() ?? Number.POSITIVE_INFINITY;

/**
 * Arrows, earliest step first: each step gets an arrow from the latest earlier step that shares a
 * tie with it, then from earlier ones for ties not yet accounted for, so every arrow says what it
 * adds. An inferred step is joined to the steps that imply it and the ones it must follow. An
 * arrow never points back in time: the later step may not end before the earlier one begins.
 */
function linkSteps(steps: PlannedStep[], perStage: Map<string, TaggedEvent[]>): LinkPlan[] {
  const ties = steps.map((s) => tiesOfStep(perStage.get(s.stageId) ?? []));
  const links: LinkPlan[] = [];
  // An inferred step's arrow goes to the first step that implies it; the rest follow from that one.
  const implying = new Set<number>();
  for (let to = 1; to < steps.length; to++) {
    const later = steps[to] as PlannedStep;
    const covered = new Set<string>();
    for (let from = to - 1; from >= 0; from--) {
      const earlier = steps[from] as PlannedStep;
      if (endOf(later) < startOf(earlier)) continue;
      const shared = [...(ties[to] ?? new Map()).entries()].filter(([k]) => ties[from]?.has(k) && !covered.has(k));
      const inferred = earlier.inferred && implying.has(from) ? null : inferenceBetween(earlier, later);
      if (shared.length === 0 && !inferred) continue;
      if (shared.length === 0 && earlier.inferred) implying.add(from);
      for (const [k] of shared) covered.add(k);
      const { shown, more } = nameTies(shared.map(([, t]) => t));
      links.push({
        from,
        to,
        kind: shared.length > 0 ? "entity" : "inferred",
        ties: shown,
        rationale:
          shared.length > 0
            ? `Both name ${shown.map((t) => `${t.kind} ${t.value}`).join(", ")}${more > 0 ? ` and ${more} more` : ""}.`
            : (inferred ?? ""),
      });
    }
  }
  return links;
}

/** The two values shared by the most steps (at least two), people and places first: what names the chain. */
function keyTiesOf(steps: PlannedStep[], perStage: Map<string, TaggedEvent[]>): LinkTie[] {
  const counts = new Map<string, { tie: LinkTie; steps: number }>();
  for (const s of steps) {
    for (const [key, tie] of tiesOfStep(perStage.get(s.stageId) ?? [])) {
      const c = counts.get(key) ?? { tie, steps: 0 };
      c.steps++;
      counts.set(key, c);
    }
  }
  return [...counts.values()]
    .filter((c) => c.steps >= 2)
    .sort((a, b) => b.steps - a.steps || TIE_ORDER.indexOf(a.tie.kind) - TIE_ORDER.indexOf(b.tie.kind))
    .slice(0, 2)
    .map((c) => c.tie);
}

/** The shared values an arrow names: distinct, most telling kinds first, a few of each kind. */
function nameTies(ties: LinkTie[]): { shown: LinkTie[]; more: number } {
  const distinct = [...new Map(ties.map((t) => [`${t.kind}\u0000${t.value.toLowerCase()}`, t])).values()].sort(
    (a, b) => TIE_ORDER.indexOf(a.kind) - TIE_ORDER.indexOf(b.kind) || a.value.localeCompare(b.value),
  );
  const perKind = new Map<string, number>();
  const shown = distinct.filter((t) => {
    const n = (perKind.get(t.kind) ?? 0) + 1;
    perKind.set(t.kind, n);
    return n <= TIES_PER_KIND;
  });
  const kept = shown.slice(0, TIES_PER_LINK);
  return { shown: kept, more: distinct.length - kept.length };
}

/** Why an inferred step sits between two others, when it does. */
function inferenceBetween(earlier: StepPlan, later: StepPlan): string | null {
  if (later.inferred && later.after.includes(earlier.stageKey)) {
    return `Inferred: ${later.title} can only have happened after ${earlier.title}; no shared evidence ties them.`;
  }
  if (later.inferred && later.impliedBy.includes(earlier.stageKey)) {
    return `Inferred: ${later.title} would have used ${earlier.title}; no shared evidence ties them.`;
  }
  if (earlier.inferred && earlier.impliedBy.includes(later.stageKey)) {
    return `Inferred: ${later.title} implies ${earlier.title}; no shared evidence ties them.`;
  }
  return null;
}

/**
 * A step seen by one kind of evidence from one source is confirmed when another step of its chain,
 * resting on another source, names the same entity: the inbox rule's address is the sign-in's.
 */
function corroborate(steps: PlannedStep[], perStage: Map<string, TaggedEvent[]>) {
  const ties = steps.map((s) => tiesOfStep(perStage.get(s.stageId) ?? []));
  const sources = steps.map((s) => new Set((perStage.get(s.stageId) ?? []).map((e) => e.sourceId)));
  steps.forEach((step, i) => {
    if (step.inferred || step.confidence !== RULE_CONFIDENCE.uncorroborated.label) return;
    for (const [j, other] of steps.entries()) {
      if (j === i || other.inferred || [...(sources[j] ?? [])].every((s) => sources[i]?.has(s))) continue;
      const shared = [...(ties[i] ?? new Map()).entries()].find(([k]) => ties[j]?.has(k))?.[1];
      if (!shared) continue;
      step.confidence = RULE_CONFIDENCE.direct.label;
      step.score = RULE_CONFIDENCE.direct.score;
      step.rationale = step.rationale.replace(
        / One kind of evidence from one source:.*$/,
        ` Confirmed: ${other.title}, from another source, names the same ${shared.kind} (${shared.value}).`,
      );
      return;
    }
  });
}

/** Evidence that ties to no other stage: one step per stage, no inference, no arrows. */
function findings(stageById: Map<string, PlanStage>, events: TaggedEvent[]): ChainPlan {
  const steps: PlannedStep[] = [];
  for (const [stageId, evs] of byStage(events)) {
    const stage = stageById.get(stageId);
    if (!stage) continue;
    const [plan] = planChain([stage], new Map([[stageId, stageEvidenceOf(stageId, evs)]]));
    if (!plan) continue;
    steps.push({
      ...plan,
      rationale: `${plan.rationale} It shares no account, address, host, app, key, mailbox or file with evidence of another stage.`,
      eventIds: evs.map((e) => e.id),
    });
  }
  steps.sort((a, b) => anchor(a) - anchor(b) || a.position - b.position);
  return { kind: "findings", ...span(events), steps, links: [], keyTies: [] };
}

/** First and last evidence of a group (a loop: spreading 200,000 times into Math.min overflows the stack). */
function span(events: readonly TaggedEvent[]): { firstAt: Date; lastAt: Date } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    if (e.at < first) first = e.at;
    if (e.at > last) last = e.at;
  }
  return { firstAt: new Date(first), lastAt: new Date(last) };
}
