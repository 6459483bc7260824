const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Bin widths a histogram may use, in milliseconds: round numbers on every scale, no months (date_bin cannot). */
export const NICE_BIN_MS: readonly number[] = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  28 * DAY,
  91 * DAY,
  182 * DAY,
  364 * DAY,
];

/** Pixels one bin spans at least: finer bins are not readable and only inflate the response. */
export const MIN_BIN_PX = 2;
/** Upper bound on lanes × bins in one response ("a few thousand items"). */
export const MAX_CELLS = 6_000;

/**
 * The bin width for a window of spanMs drawn over widthPx with laneCount lanes: the smallest
 * round width giving bins of at least MIN_BIN_PX and at most MAX_CELLS lane-bins in all.
 */
export function pickBinMs(spanMs: number, widthPx: number, laneCount: number): number {
  const maxBins = Math.max(1, Math.min(Math.floor(widthPx / MIN_BIN_PX), Math.floor(MAX_CELLS / Math.max(1, laneCount))));
  const wanted = spanMs / maxBins;
  for (const w of NICE_BIN_MS) if (w >= wanted) return w;
  const year = NICE_BIN_MS[NICE_BIN_MS.length - 1] as number;
  return Math.ceil(wanted / year) * year;
}

/** "1 h", "2 d", "500 ms": a bin width for people. */
export function binLabel(binMs: number): string {
  const units: [number, string][] = [
    [86_400_000, "d"],
    [3_600_000, "h"],
    [60_000, "min"],
    [1_000, "s"],
  ];
  for (const [size, unit] of units) if (binMs >= size && binMs % size === 0) return `${binMs / size} ${unit}`;
  return `${binMs} ms`;
}
