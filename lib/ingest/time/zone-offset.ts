const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Bounds memory in a long-lived server; 200,000 hours is ~23 years of distinct hours per zone. */
const MAX_CACHED_HOURS = 200_000;
/** Marks a cached hour that contains a transition: its offset must be computed per instant. */
const TRANSITION_HOUR = Number.NaN;
const UTC_ALIASES = new Set(["UTC", "ETC/UTC", "GMT", "ETC/GMT"]);

type ZoneState = { format: Intl.DateTimeFormat; hours: Map<number, number> };

// One formatter and one offset cache per zone for the whole process: Intl construction costs far more
// than a parse, and every parser reading the same zone benefits from the hours the others already saw.
const ZONES = new Map<string, ZoneState>();

/** Converts a wall-clock time in the zone (as ms on a UTC-labelled clock) to the UTC instant in ms. */
export type ZoneResolver = (localMs: number) => number;

/** Throws an Error naming the zone when it is not a zone this runtime knows. */
export function createZoneResolver(zone: string): ZoneResolver {
  if (UTC_ALIASES.has(zone.toUpperCase())) return (localMs) => localMs;
  const state = zoneState(zone);
  const offsetAt = (utcMs: number) => cachedOffset(state, utcMs);
  return (localMs) => {
    // The instant lies within ±14h of the wall time, so the offsets a day either side bracket it. Zones
    // never change offset twice within two days, so equal offsets mean no transition is near.
    const before = offsetAt(localMs - DAY_MS);
    const after = offsetAt(localMs + DAY_MS);
    if (before === after) return localMs - before;
    const early = localMs - before;
    const late = localMs - after;
    const earlyFits = offsetAt(early) === before;
    const lateFits = offsetAt(late) === after;
    // Fall-back overlap (both readings exist): take the earlier instant, the first time the clock showed it.
    if (earlyFits && lateFits) return Math.min(early, late);
    if (lateFits) return late;
    // Either only the pre-transition reading fits, or neither does: a spring-forward gap, where the wall
    // time never existed. Then read it with the offset in force before the gap (02:30 in New York on a
    // spring-forward day becomes 07:30Z, i.e. 03:30 EDT), as Temporal's "compatible" disambiguation does.
    return early;
  };
}

/** Offset east of UTC in ms in force at the instant; throws for an unknown zone. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  return UTC_ALIASES.has(zone.toUpperCase()) ? 0 : cachedOffset(zoneState(zone), utcMs);
}

function zoneState(zone: string): ZoneState {
  let state = ZONES.get(zone);
  if (state === undefined) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new Error(`unknown time zone "${zone}"`);
    }
    state = { format, hours: new Map() };
    ZONES.set(zone, state);
  }
  return state;
}

function cachedOffset(state: ZoneState, utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR_MS);
  let offset = state.hours.get(hour);
  if (offset === undefined) {
    // Transitions need not fall on a UTC hour (half-hour zones, historic local mean time), so an hour is
    // cached as constant only when its first and last millisecond agree.
    const start = exactOffset(state.format, hour * HOUR_MS);
    offset = start === exactOffset(state.format, hour * HOUR_MS + HOUR_MS - 1) ? start : TRANSITION_HOUR;
    if (state.hours.size >= MAX_CACHED_HOURS) state.hours.clear();
    state.hours.set(hour, offset);
  }
  return Number.isNaN(offset) ? exactOffset(state.format, utcMs) : offset;
}

/** Wall clock shown in the zone minus the instant, both at whole seconds. */
function exactOffset(format: Intl.DateTimeFormat, utcMs: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of format.formatToParts(utcMs)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
    else if (part.type === "hour")
      hour = Number(part.value) % 24; // some ICU builds print midnight as 24
    else if (part.type === "minute") minute = Number(part.value);
    else if (part.type === "second") second = Number(part.value);
  }
  const wholeSecond = utcMs - (((utcMs % 1000) + 1000) % 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond;
}
