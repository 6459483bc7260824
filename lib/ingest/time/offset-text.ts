import { applyMeridiem, type Fields, type Groups, microsFromFraction } from "./fields";

/** Regex source for a numeric offset or UTC name as ISO-like forms write it: Z, +02:00, +0200, +02, UTC, GMT. */
export const OFFSET_SOURCE = "Z|z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT";

/** Regex source for a zone in RFC 2822 / ctime forms: a +hhmm offset or a short alphabetic name. */
export const ZONE_NAME_SOURCE = "[+-]\\d{2}(?::?\\d{2})?|[A-Za-z]{1,5}";

// Names with one fixed, documented meaning. RFC 822 defines the North American ones; any other abbreviation
// (CET, IST, ...) is ambiguous across regions, so it is refused rather than guessed.
const UTC_NAMES = new Set(["Z", "UT", "UTC", "GMT"]);
const RFC822_ZONES = new Map<string, number>([
  ["EST", -5],
  ["EDT", -4],
  ["CST", -6],
  ["CDT", -5],
  ["MST", -7],
  ["MDT", -6],
  ["PST", -8],
  ["PDT", -7],
]);

/**
 * Seconds east of UTC for an offset or zone name; null when there is none; a string reason when it is
 * malformed or not one we can trust. `rfc822Names` admits EST/EDT/CST/CDT/MST/MDT/PST/PDT.
 */
export function offsetFromText(text: string | undefined, rfc822Names = false): number | null | string {
  if (text === undefined || text === "") return null;
  const c = text.charCodeAt(0);
  if (c === 43 || c === 45) return signedOffset(text, c === 45);
  const upper = text.toUpperCase();
  if (UTC_NAMES.has(upper)) return 0;
  const hours = rfc822Names ? RFC822_ZONES.get(upper) : undefined;
  return hours === undefined ? `zone "${text}" not supported` : hours * 3600;
}

function signedOffset(text: string, negative: boolean): number | string {
  const hours = Number(text.slice(1, 3));
  const rest = text.charCodeAt(3) === 58 ? text.slice(4) : text.slice(3); // skip ":" in +hh:mm
  const minutes = rest === "" ? 0 : Number(rest);
  // Real offsets stay within ±14h; ±23:59 is the widest an hh:mm field can honestly mean.
  if (!(hours <= 23 && minutes <= 59 && rest.length !== 1)) return `offset "${text}" out of range`;
  const seconds = hours * 3600 + minutes * 60;
  return negative ? -seconds : seconds;
}

/**
 * Fields from a date the reader has already decoded plus the shared time groups
 * (hour, minute, second, fraction, meridiem, zone), all optional: a date alone means midnight.
 */
export function fieldsFrom(g: Groups, year: number | null, month: number, day: number, rfc822Names = false): Fields | string {
  let hour = g.hour === undefined ? 0 : Number(g.hour);
  if (g.meridiem !== undefined) {
    const h = applyMeridiem(hour, g.meridiem);
    if (typeof h === "string") return h;
    hour = h;
  }
  const offsetSec = offsetFromText(g.zone, rfc822Names);
  if (typeof offsetSec === "string") return offsetSec;
  return {
    year,
    month,
    day,
    hour,
    minute: g.minute === undefined ? 0 : Number(g.minute),
    second: g.second === undefined ? 0 : Number(g.second),
    micro: microsFromFraction(g.fraction),
    offsetSec,
  };
}
