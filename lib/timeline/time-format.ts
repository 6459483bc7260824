import { utcDay, utcFormat, utcHour, utcMinute, utcMonth, utcSecond, utcYear } from "d3";

const fmtMs = utcFormat(".%L");
const fmtSecond = utcFormat(":%S");
const fmtMinute = utcFormat("%H:%M");
const fmtDay = utcFormat("%d %b");
const fmtMonth = utcFormat("%b");
const fmtYear = utcFormat("%Y");

/** Tick label in UTC that names only what changed at that tick (d3's multi-scale format, 24-hour clock). */
export function formatTick(date: Date): string {
  if (utcSecond(date) < date) return fmtMs(date);
  if (utcMinute(date) < date) return fmtSecond(date);
  if (utcHour(date) < date) return fmtMinute(date);
  if (utcDay(date) < date) return fmtMinute(date);
  if (utcMonth(date) < date) return fmtDay(date);
  if (utcYear(date) < date) return fmtMonth(date);
  return fmtYear(date);
}

const ctxMinute = utcFormat("%Y-%m-%d %H:%M");
const ctxDay = utcFormat("%a %Y-%m-%d");
const ctxMonth = utcFormat("%B %Y");

/**
 * What the tick labels leave out, for the axis's left end: the minute under second ticks, the
 * day under hour ticks, the month under day ticks (both ends when the window crosses one); wider
 * windows label years on the ticks themselves, so only the zone is left.
 */
export function formatAxisContext(from: number, to: number): string {
  const span = to - from;
  const a = new Date(from);
  const b = new Date(Math.max(from, to - 1));
  const both = (f: (d: Date) => string) => (f(a) === f(b) ? f(a) : `${f(a)} – ${f(b)}`);
  if (span <= 2 * 60_000) return `${both(ctxMinute)} UTC`;
  if (span <= 3 * 86_400_000) return `${both(ctxDay)} UTC`;
  if (span <= 120 * 86_400_000) return `${both(ctxMonth)} UTC`;
  return "UTC";
}

const fullMs = utcFormat("%Y-%m-%d %H:%M:%S.%L");
const fullSecond = utcFormat("%Y-%m-%d %H:%M:%S");

/** "2021-04-20 07:42:13 UTC", with milliseconds when they are not zero. */
export function formatInstant(ms: number): string {
  const d = new Date(Math.floor(ms));
  return `${d.getUTCMilliseconds() ? fullMs(d) : fullSecond(d)} UTC`;
}

/** An ISO instant with microseconds ("2021-04-20T07:42:13.485321Z") shown as "2021-04-20 07:42:13.485321 UTC". */
export function formatIsoMicros(iso: string): string {
  return `${iso.replace("T", " ").replace(/Z$/, "")} UTC`;
}

/** Milliseconds since the epoch, with the microseconds of a 6-digit ISO fraction kept as the fractional part. */
export function parseIsoMicros(iso: string): number {
  const m = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  if (!m) return Date.parse(iso);
  const frac = (m[2] ?? "").padEnd(6, "0");
  return Date.parse(`${m[1]}${m[3]}`) + Number(frac) / 1000;
}

/** "1.7 y", "3 mo", "12 d", "5 h", "20 min", "12 s", "300 ms": how long a stretch is, roughly. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const round = (x: number) => (x >= 10 ? Math.round(x).toString() : x.toFixed(1).replace(/\.0$/, ""));
  if (abs >= 365 * 86_400_000) return `${round(abs / (365.25 * 86_400_000))} y`;
  if (abs >= 60 * 86_400_000) return `${round(abs / (30.44 * 86_400_000))} mo`;
  if (abs >= 86_400_000) return `${round(abs / 86_400_000)} d`;
  if (abs >= 3_600_000) return `${round(abs / 3_600_000)} h`;
  if (abs >= 60_000) return `${round(abs / 60_000)} min`;
  if (abs >= 1_000) return `${round(abs / 1_000)} s`;
  return `${round(abs)} ms`;
}

const windowMinute = utcFormat("%Y-%m-%d %H:%M");

/** A window for people, as precise as its width needs: "2021-04-20 07:42 → 2021-04-21 08:00 UTC". */
export function formatWindow(from: number, to: number): string {
  const span = to - from;
  if (span >= 2 * 86_400_000) return `${windowMinute(new Date(from))} → ${windowMinute(new Date(to))} UTC`;
  if (span >= 60_000) return `${fullSecond(new Date(from))} → ${fullSecond(new Date(to))} UTC`;
  return `${fullMs(new Date(Math.floor(from)))} → ${fullMs(new Date(Math.floor(to)))} UTC`;
}
