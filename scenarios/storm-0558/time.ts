import type { Rng } from "./random";

// Times inside the generator are integer microseconds since the Unix epoch (exact in a double
// until the year 2255), always UTC.

export const SECOND = 1_000_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** "2021-04-20T07:42:13.485Z" (any ISO form Date.parse reads, with a zone) → microseconds. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${iso}`);
  return ms * 1000;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** ISO 8601 in UTC with `digits` fraction digits (0, 3 or 6) and a trailing Z unless `zone` is false. */
export function iso(us: number, digits: 0 | 3 | 6 = 3, zone = true): string {
  const ms = Math.floor(us / 1000);
  const base = new Date(ms).toISOString().slice(0, 19);
  const micro = us - Math.floor(us / SECOND) * SECOND;
  const fraction = digits === 0 ? "" : `.${pad(micro, 6).slice(0, digits)}`;
  return `${base}${fraction}${zone ? "Z" : ""}`;
}

/** Windows SystemTime: 7 fraction digits (100 ns ticks); `tick` (0–9) is the digit below the microsecond. */
export function systemTime(us: number, tick: number): string {
  return `${iso(us, 6, false)}${tick}Z`;
}

/** The US clock form of Purview's export, "4/28/2021 2:54:37 PM" (UTC, no zone written). */
export function usClock(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)} ${h < 12 ? "AM" : "PM"}`;
}

/** Weights by hour of day (UTC, 24 values) and by weekday (Sunday first, 7 values). */
export type Rhythm = { hours: readonly number[]; weekdays: readonly number[] };

export const OFFICE_HOURS_US_WEST: Rhythm = {
  // 08:00–18:00 Pacific is 15:00–01:00 UTC.
  hours: [5, 3, 1.5, 0.8, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.5, 0.6, 0.8, 1.5, 3, 6, 8, 9, 9, 8, 8, 7, 7, 6],
  weekdays: [0.15, 1, 1, 1, 1, 0.95, 0.15],
};

export const OFFICE_HOURS_US_EAST: Rhythm = {
  // 08:00–18:00 Eastern is 12:00–22:00 UTC.
  hours: [1.5, 1, 0.6, 0.4, 0.3, 0.3, 0.3, 0.4, 0.6, 1, 2, 4, 7, 9, 9, 8, 9, 9, 8, 7, 5, 3, 2.5, 2],
  weekdays: [0.2, 1, 1, 1, 1, 0.9, 0.2],
};

export const ROUND_THE_CLOCK: Rhythm = {
  hours: [6, 6, 5.5, 5, 5, 5, 5.5, 6, 7, 8, 8.5, 9, 9, 9, 9, 9, 9, 9, 8.5, 8, 7.5, 7, 6.5, 6],
  weekdays: [0.75, 1, 1, 1, 1, 1, 0.8],
};

/**
 * Split `total` into integer parts proportional to `weights` (largest remainder, ties to the
 * earlier index), so the parts always add up to exactly `total`.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

/**
 * `count` background times in [start, end), in order, shaped by `rhythm`. Memory is one day's
 * worth of times: the count per day is fixed first (largest remainder), then each day's times are
 * drawn and sorted.
 */
export function* backgroundTimes(
  rng: Rng,
  start: number,
  end: number,
  count: number,
  rhythm: Rhythm,
  descending = false,
): Generator<number> {
  if (count <= 0 || end <= start) return;
  const firstDay = Math.floor(start / DAY) * DAY;
  const days: { day: number; hourWeights: number[] }[] = [];
  for (let day = firstDay; day < end; day += DAY) {
    const weekday = new Date(day / 1000).getUTCDay();
    const hourWeights = rhythm.hours.map((w, h) => {
      const from = Math.max(start, day + h * HOUR);
      const to = Math.min(end, day + (h + 1) * HOUR);
      return to > from ? (w * (rhythm.weekdays[weekday] ?? 1) * (to - from)) / HOUR : 0;
    });
    days.push({ day, hourWeights });
  }
  const perDay = apportion(
    count,
    days.map((d) => d.hourWeights.reduce((a, b) => a + b, 0)),
  );
  const order = days.map((_, i) => i);
  if (descending) order.reverse();
  for (const i of order) {
    const d = days[i];
    const k = perDay[i] ?? 0;
    if (!d || k === 0) continue;
    const hours = d.hourWeights.map((w, h) => [h, w] as const).filter(([, w]) => w > 0);
    const times = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const h = rng.weighted(hours);
      const from = Math.max(start, d.day + h * HOUR);
      const to = Math.min(end, d.day + (h + 1) * HOUR);
      times[j] = from + Math.floor(rng.next() * (to - from));
    }
    times.sort();
    if (descending) times.reverse();
    yield* times;
  }
}
