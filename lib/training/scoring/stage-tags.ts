/** One event a trainee tagged, or the answer key tagged, by a key that survives variants (file and line). */
export type TaggedEvent = { event: string; stage: string };

export type TagMistake =
  /** Tagged, but the key gives it another stage (or none). */
  | { kind: "wrong-stage"; event: string; given: string; expected: string | null }
  /** In the key, and not tagged. */
  | { kind: "missed"; event: string; expected: string };

export type StageTagScore = { precision: number; recall: number; f1: number; points: number; mistakes: TagMistake[] };

/**
 * The stage-tagging task: precision (of the trainee's tags, how many the key agrees with) and
 * recall (of the key's tags, how many the trainee made), and points as their harmonic mean (F1)
 * times the task's worth, so tagging everything and tagging nothing both score low.
 */
export function scoreStageTags(key: readonly TaggedEvent[], given: readonly TaggedEvent[], worth: number): StageTagScore {
  const expected = new Map(key.map((k) => [k.event, k.stage]));
  const tagged = new Map(given.map((g) => [g.event, g.stage]));
  const mistakes: TagMistake[] = [];
  let right = 0;
  for (const [event, stage] of tagged) {
    const want = expected.get(event) ?? null;
    if (want === stage) right++;
    else mistakes.push({ kind: "wrong-stage", event, given: stage, expected: want });
  }
  for (const [event, stage] of expected) if (!tagged.has(event)) mistakes.push({ kind: "missed", event, expected: stage });
  const precision = tagged.size === 0 ? 0 : right / tagged.size;
  const recall = expected.size === 0 ? 1 : right / expected.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, points: round(f1 * worth), mistakes };
}

/** Points to a tenth: partial credit shown as the trainee sees it, and summed without drift. */
export function round(points: number): number {
  return Math.round(points * 10) / 10;
}
