/** One box of the brief's chain: one step, or neighbouring evidenced steps merged to keep the chain to a glance. */
export type BriefBox = {
  stages: string[];
  start: string | null;
  end: string | null;
  /** The weakest confidence among its steps: a box is only as sure as its least sure step. */
  confidence: { label: string; score: number };
  inferred: boolean;
};

type Step = {
  stageName: string;
  startAt: string | null;
  endAt: string | null;
  inferred: boolean;
  confidence: { label: string; score: number };
};

const gapBetween = (a: BriefBox, b: BriefBox) => {
  const end = Date.parse(a.end ?? a.start ?? "");
  const start = Date.parse(b.start ?? b.end ?? "");
  // Overlapping steps (one still going when the next begins) are as close as steps can be.
  return Number.isNaN(end) || Number.isNaN(start) ? Number.POSITIVE_INFINITY : Math.max(0, start - end);
};

/**
 * The chain as at most `max` boxes, in order: while there are too many, the two neighbouring
 * evidenced boxes closest in time merge (an inferred step is never merged: it is drawn as such).
 */
export function chainBoxes(steps: readonly Step[], max = 7): BriefBox[] {
  let boxes: BriefBox[] = steps.map((s) => ({
    stages: [s.stageName],
    start: s.startAt,
    end: s.endAt,
    confidence: { label: s.confidence.label, score: s.confidence.score },
    inferred: s.inferred,
  }));
  while (boxes.length > max) {
    let best = -1;
    let bestGap = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < boxes.length; i++) {
      const a = boxes[i] as BriefBox;
      const b = boxes[i + 1] as BriefBox;
      if (a.inferred || b.inferred) continue;
      const g = gapBetween(a, b);
      if (g < bestGap) {
        best = i;
        bestGap = g;
      }
    }
    if (best < 0) break; // only inferred neighbours left: more boxes rather than a false merge
    const a = boxes[best] as BriefBox;
    const b = boxes[best + 1] as BriefBox;
    const times = [a.start, a.end, b.start, b.end].filter((t): t is string => t !== null).sort();
    const merged: BriefBox = {
      stages: [...a.stages, ...b.stages],
      start: times[0] ?? null,
      end: times.at(-1) ?? null,
      confidence: a.confidence.score <= b.confidence.score ? a.confidence : b.confidence,
      inferred: false,
    };
    boxes = [...boxes.slice(0, best), merged, ...boxes.slice(best + 2)];
  }
  return boxes;
}
