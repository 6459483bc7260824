import { scaleUtc, utcDay, utcFormat, utcMinute, utcMonth, utcSecond, utcYear } from "d3";
import { formatTick } from "./time-format";

/** A stretch of the axis: linear from [t0, t1] onto [x0, x1]; a break is a quiet stretch folded to a few pixels. */
export type TimeSegment = { t0: number; t1: number; x0: number; x1: number; isBreak: boolean };

export type AxisTick = { t: number; x: number; label: string };

/**
 * Time (ms since the epoch) to pixels and back, linear or piecewise-linear. Plain objects and
 * functions, so React can memoise them and canvas code can call x() in a tight loop.
 */
export type TimeScale = {
  from: number;
  to: number;
  x0: number;
  x1: number;
  segments: TimeSegment[];
  breaks: TimeSegment[];
  x(t: number): number;
  invert(px: number): number;
  ticks(): AxisTick[];
};

/** Pixels a folded quiet stretch takes on the axis. */
export const BREAK_PX = 36;
/** Minimum room between two tick labels. */
const TICK_GAP_PX = 56;

const longMs = utcFormat("%H:%M:%S.%L");
const longSecond = utcFormat("%H:%M:%S");
const longMinute = utcFormat("%d %b %H:%M");
const longDay = utcFormat("%d %b %Y");
const longMonth = utcFormat("%b %Y");
const longYear = utcFormat("%Y");

/** A tick label that stands on its own (first tick after a break, where the previous ticks' context is gone). */
function formatTickLong(date: Date): string {
  if (utcSecond(date) < date) return longMs(date);
  if (utcMinute(date) < date) return longSecond(date);
  if (utcDay(date) < date) return longMinute(date);
  if (utcMonth(date) < date) return longDay(date);
  if (utcYear(date) < date) return longMonth(date);
  return longYear(date);
}

function segmentTicks(s: TimeSegment, isFirstAfterBreak: boolean): AxisTick[] {
  const width = s.x1 - s.x0;
  if (width < 24 || s.t1 <= s.t0) return [];
  const scale = scaleUtc().domain([s.t0, s.t1]).range([s.x0, s.x1]);
  const n = Math.max(1, Math.round(width / 110));
  return scale.ticks(n).map((d, i) => ({
    t: d.getTime(),
    x: scale(d),
    label: isFirstAfterBreak && i === 0 ? formatTickLong(d) : formatTick(d),
  }));
}

function build(from: number, to: number, x0: number, x1: number, segments: TimeSegment[]): TimeScale {
  const starts = segments.map((s) => s.t0);
  const xs = segments.map((s) => s.x0);
  const linear = segments.filter((s) => !s.isBreak);
  const linMs = linear.reduce((a, s) => a + (s.t1 - s.t0), 0);
  const linPx = linear.reduce((a, s) => a + (s.x1 - s.x0), 0);
  const rate = linMs > 0 ? linPx / linMs : (x1 - x0) / Math.max(1e-9, to - from); // px per ms outside the domain

  const find = (arr: number[], v: number) => {
    let lo = 0;
    let hi = arr.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((arr[mid] as number) <= v) lo = mid;
      else hi = mid - 1;
    }
    return segments[lo] as TimeSegment;
  };

  return {
    from,
    to,
    x0,
    x1,
    segments,
    breaks: segments.filter((s) => s.isBreak),
    x(t) {
      if (t <= from) return x0 - (from - t) * rate;
      if (t >= to) return x1 + (t - to) * rate;
      const s = find(starts, t);
      return s.t1 === s.t0 ? s.x0 : s.x0 + ((t - s.t0) / (s.t1 - s.t0)) * (s.x1 - s.x0);
    },
    invert(px) {
      if (px <= x0) return from - (x0 - px) / rate;
      if (px >= x1) return to + (px - x1) / rate;
      const s = find(xs, px);
      return s.x1 === s.x0 ? s.t0 : s.t0 + ((px - s.x0) / (s.x1 - s.x0)) * (s.t1 - s.t0);
    },
    ticks() {
      const out: AxisTick[] = [];
      segments.forEach((s, i) => {
        if (s.isBreak) return;
        const afterBreak = i > 0 && segments[i - 1]?.isBreak === true;
        for (const tick of segmentTicks(s, afterBreak)) {
          const last = out[out.length - 1];
          // Keep clear of a neighbouring break's mark and of the previous label.
          if (segments.length > 1 && (tick.x - s.x0 < 10 || s.x1 - tick.x < 10)) continue;
          if (last && tick.x - last.x < TICK_GAP_PX) continue;
          out.push(tick);
        }
      });
      return out;
    },
  };
}

/** An ordinary linear UTC scale. */
export function linearTimeScale(from: number, to: number, x0: number, x1: number): TimeScale {
  return build(from, to, x0, x1, [{ t0: from, t1: to, x0, x1, isBreak: false }]);
}

/**
 * Stretches of [from, to) with no activity that last longer than minQuietFraction of the window,
 * each shortened by a margin so the marks either side stay clear of the break.
 */
export function quietStretches(from: number, to: number, activity: readonly number[], minQuietFraction = 0.08): [number, number][] {
  const span = to - from;
  const minQuiet = span * minQuietFraction;
  const pad = span * 0.01;
  const times = activity.filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  const out: [number, number][] = [];
  let prev = from;
  let isStart = true;
  for (const t of times) {
    if (t - prev > minQuiet) out.push([isStart ? from : prev + pad, t - pad]);
    prev = t;
    isStart = false;
  }
  if (!isStart && to - prev > minQuiet) out.push([prev + pad, to]);
  return out;
}

/**
 * A scale that folds long quiet stretches to BREAK_PX each, so activity years apart shares the
 * width; falls back to linear when there is nothing to fold or no activity at all.
 */
export function compressedTimeScale(
  from: number,
  to: number,
  x0: number,
  x1: number,
  activity: readonly number[],
  minQuietFraction = 0.08,
): TimeScale {
  const width = x1 - x0;
  let quiet = quietStretches(from, to, activity, minQuietFraction);
  // Never let the breaks take more than 40 % of the width: keep the longest ones.
  const maxBreaks = Math.floor((width * 0.4) / BREAK_PX);
  if (quiet.length > maxBreaks) {
    quiet = [...quiet]
      .sort((a, b) => b[1] - b[0] - (a[1] - a[0]))
      .slice(0, maxBreaks)
      .sort((a, b) => a[0] - b[0]);
  }
  const quietMs = quiet.reduce((a, [s, e]) => a + (e - s), 0);
  const linearMs = to - from - quietMs;
  if (!quiet.length || linearMs <= 0) return linearTimeScale(from, to, x0, x1);
  const rate = (width - quiet.length * BREAK_PX) / linearMs;
  const segments: TimeSegment[] = [];
  let t = from;
  let x = x0;
  for (const [s, e] of quiet) {
    if (s > t) {
      segments.push({ t0: t, t1: s, x0: x, x1: x + (s - t) * rate, isBreak: false });
      x += (s - t) * rate;
    }
    segments.push({ t0: s, t1: e, x0: x, x1: x + BREAK_PX, isBreak: true });
    x += BREAK_PX;
    t = e;
  }
  if (to > t) segments.push({ t0: t, t1: to, x0: x, x1: x1, isBreak: false });
  else if (segments.length) (segments[segments.length - 1] as TimeSegment).x1 = x1;
  return build(from, to, x0, x1, segments);
}
