import path from "node:path";
import type { SqlRunner } from "@/lib/db/sql";
import type { ChainView } from "@/lib/queries/get-chain";
import { backwardArrows } from "../chain-checks";
import type { ExpectedEntity, KeyEvent } from "./expected-chains";

/** How well one predicted chain matches one expected chain. */
export type ChainScore = {
  name: string;
  /** The predicted chain it was matched with (the one holding most of the set's evidence). */
  matched: string | null;
  predicted: string[];
  expected: string[];
  stagePrecision: number;
  stageRecall: number;
  /** Kendall's tau of the stages both hold, −1 to 1 (NaN with fewer than two in common). */
  order: number;
  entityRecall: number;
  keyEventRecall: number;
  /** Evidence events in the matched chain, and those that are not the set's (another intrusion, or background noise). */
  evidence: number;
  unrelated: number;
  backwardArrows: number;
};

/** Kendall's tau between two orders of the same items. */
export function kendallTau(expected: string[], predicted: string[]): number {
  const common = expected.filter((s) => predicted.includes(s));
  if (common.length < 2) return Number.NaN;
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < common.length; i++) {
    for (let j = i + 1; j < common.length; j++) {
      const a = predicted.indexOf(common[i] as string);
      const b = predicted.indexOf(common[j] as string);
      if (a < b) concordant++;
      else discordant++;
    }
  }
  return (concordant - discordant) / (concordant + discordant);
}

type Spec = {
  name: string;
  stages: string[];
  entities: ExpectedEntity[];
  keyEvents: KeyEvent[];
  /** Whether an event (by its source's file name and line) belongs to the set. */
  isOwn(file: string, line: number): boolean;
};

/**
 * Scores the chain of `chain` that holds most of the set's evidence against what the set is known
 * to hold. Precision counts evidenced steps only (an inferred first step says "unknown", not "wrong").
 */
export async function scoreChain(sql: SqlRunner, chain: ChainView, spec: Spec): Promise<ChainScore> {
  const evidence = await sql.query<{ step_id: string; file: string; line: number }>(
    `SELECT ce.step_id, s.name AS file, e.line_number AS line FROM chain_step_events ce
     JOIN events e ON e.incident_id = ce.incident_id AND e.id = ce.event_id JOIN sources s ON s.incident_id = e.incident_id AND s.id = e.source_id
     WHERE ce.incident_id = $1`,
    [chain.incidentId],
  );
  const chainOf = new Map(chain.steps.map((s) => [s.id, s.chainId]));
  const own = new Map<string, number>();
  for (const e of evidence) {
    const c = chainOf.get(e.step_id);
    if (c && spec.isOwn(e.file, e.line)) own.set(c, (own.get(c) ?? 0) + 1);
  }
  const best = [...own.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const group = chain.chains.find((c) => c.id === best);
  const steps = (group?.stepIds ?? []).map((id) => chain.steps.find((s) => s.id === id)).filter((s) => s !== undefined);
  const predicted = steps.map((s) => s.stageKey);
  const evidenced = steps.filter((s) => !s.inferred).map((s) => s.stageKey);
  const mine = evidence.filter((e) => group?.stepIds.includes(e.step_id));
  const entityRows = group
    ? await sql.query<{ kind: string; value: string }>(
        `SELECT DISTINCT en.kind, lower(en.value) AS value FROM chain_step_events ce
         JOIN event_entities ee ON ee.incident_id = ce.incident_id AND ee.event_id = ce.event_id
         JOIN entities en ON en.incident_id = ee.incident_id AND en.id = ee.entity_id
         WHERE ce.step_id = ANY($1::uuid[])`,
        [group.stepIds],
      )
    : [];
  const named = new Set(entityRows.map((r) => `${r.kind}\u0000${r.value}`));
  const keyFound = spec.keyEvents.filter((k) => mine.some((e) => e.file === path.basename(k.file) && e.line === k.line)).length;
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    name: spec.name,
    matched: group?.title ?? null,
    predicted,
    expected: spec.stages,
    stagePrecision: ratio(evidenced.filter((s) => spec.stages.includes(s)).length, evidenced.length),
    stageRecall: ratio(spec.stages.filter((s) => predicted.includes(s)).length, spec.stages.length),
    order: kendallTau(spec.stages, predicted),
    entityRecall: ratio(spec.entities.filter((e) => named.has(`${e.kind}\u0000${e.value.toLowerCase()}`)).length, spec.entities.length),
    keyEventRecall: ratio(keyFound, spec.keyEvents.length),
    evidence: mine.length,
    unrelated: mine.filter((e) => !spec.isOwn(e.file, e.line)).length,
    backwardArrows: backwardArrows(chain).length,
  };
}
