import { round } from "./stage-tags";
import { scoreWindow, type Window } from "./time-window";

export type GapScore = { matched: { key: string; overlap: number }[]; extra: number; points: number };

/**
 * The evidence-gaps task: each of the key's gaps is matched to the trainee's window that
 * overlaps it most (intersection over union, each window used once), and the sum of overlaps is
 * divided by the larger of the two counts, so missing a gap and marking windows that are not gaps
 * both cost.
 */
export function scoreGaps(key: readonly (Window & { id: string })[], given: readonly Window[], worth: number): GapScore {
  const free = given.map((g, i) => ({ g, i }));
  const matched: { key: string; overlap: number }[] = [];
  for (const k of key) {
    let best = { overlap: 0, at: -1 };
    for (const [at, { g }] of free.entries()) {
      const { overlap } = scoreWindow(k, g, 1);
      if (overlap > best.overlap) best = { overlap, at };
    }
    if (best.at >= 0) free.splice(best.at, 1);
    matched.push({ key: k.id, overlap: best.overlap });
  }
  const denominator = Math.max(key.length, given.length);
  const sum = matched.reduce((a, m) => a + m.overlap, 0);
  return { matched, extra: free.length, points: denominator === 0 ? round(worth) : round((sum / denominator) * worth) };
}
