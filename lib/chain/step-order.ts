/**
 * When a step happened, for putting a chain's steps in order: its first evidence; an inferred
 * step, bounded but not located, by the middle of its bounds, or just before the evidence that
 * implies it when it has no start bound.
 */
export function stepAnchor(start: number | null, end: number | null, inferred: boolean): number {
  if (!inferred) return start ?? end ?? 0;
  if (start !== null && end !== null) return (start + end) / 2;
  return (end ?? start ?? 0) - 1;
}
