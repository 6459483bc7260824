import { round } from "./stage-tags";

/** A time window in milliseconds since the epoch; start = end for an instant. */
export type Window = { start: number; end: number };

export type WindowScore = { overlap: number; points: number };

/**
 * The bounding task ("when was the key taken?"): the overlap of the trainee's window with the
 * key's, as intersection over union, so a window as wide as the whole incident scores as little as
 * one that misses. An instant in the key is widened by `tolerance` ms on each side: no one is
 * asked for the millisecond.
 */
export function scoreWindow(key: Window, given: Window, worth: number, tolerance = 0): WindowScore {
  if (given.end < given.start) return { overlap: 0, points: 0 };
  const k = { start: key.start - tolerance, end: key.end + tolerance };
  const inter = Math.max(0, Math.min(k.end, given.end) - Math.max(k.start, given.start));
  const union = Math.max(k.end, given.end) - Math.min(k.start, given.start);
  const overlap = union === 0 ? 1 : inter / union;
  return { overlap, points: round(overlap * worth) };
}
