import { epochReader, readDotNetDate } from "./epoch";
import { daysInMonth, type Fields, invalidReason, MAX_YEAR, MIN_YEAR, type Reader } from "./fields";
import { strftimeReader } from "./strftime";
import { readCommonLog, readCtime, readDotted, readIso, readRfc2822, readSyslog, slashReader } from "./text-formats";
import { createYearInference } from "./year-inference";
import { createZoneResolver } from "./zone-offset";

export type TimeOptions = {
  /** IANA zone used when the text carries no offset/zone. Default "UTC". */
  zone?: string;
  /** Explicit format: "auto" (default), "iso", "epoch" (magnitude decides s/ms/us/ns), "epoch-s", "epoch-ms", "epoch-us", "epoch-ns", "us" (MM/DD/YYYY ...), "eu" (DD/MM/YYYY ...), "syslog", or a strftime pattern containing '%' (support %Y %y %m %d %e %H %I %M %S %f (1-9 fraction digits) %p %b %B %z (+hhmm, +hh:mm, Z) %Z (UTC/GMT/Z only; others -> error) %T %j %%). */
  format?: string;
  /** Year for forms without one (syslog "Jan 22 07:52:33"). If absent, the year is inferred: see below. */
  year?: number;
  /** Reference instant for year inference (e.g. file mtime); default now. */
  referenceDate?: Date;
};
export type ParsedTime = {
  /** Microseconds since 1970-01-01T00:00:00Z. A JS number: exact for the supported range. */
  epochUs: number;
  /** IANA zone the text was read in because it carried none; null when the text had an offset/zone or is an epoch. */
  assumedZone: string | null;
  /** "given" | "inferred" when the text had no year; null otherwise. */
  yearSource: "given" | "inferred" | null;
};
export type TimeError = { error: string };

/** Real timestamps are short; refusing long text keeps a garbage column from costing regex time. */
const MAX_TEXT_LENGTH = 256;
const MIN_EPOCH_US = Date.UTC(MIN_YEAR, 0, 1) * 1000;
const END_EPOCH_US = Date.UTC(MAX_YEAR + 1, 0, 1) * 1000;

const NAMED_FORMATS: Record<string, () => Reader> = {
  iso: () => readIso,
  epoch: () => epochReader(null),
  "epoch-s": () => epochReader("s"),
  "epoch-ms": () => epochReader("ms"),
  "epoch-us": () => epochReader("us"),
  "epoch-ns": () => epochReader("ns"),
  us: () => slashReader("mdy"),
  eu: () => firstMatch([slashReader("dmy"), readDotted]),
  syslog: () => readSyslog,
};

// Tried in order of how common they are in exported logs; the patterns are mutually exclusive, so the
// order (and firstMatch's habit of trying the last winner first) only affects speed, never the result.
const AUTO_READERS = (): Reader[] => [
  readIso,
  epochReader(null),
  slashReader("auto"),
  readDotted,
  readSyslog,
  readRfc2822,
  readCommonLog,
  readCtime,
  readDotNetDate,
];

/** Returns a parser bound to the options; stateful only for syslog year inference across consecutive lines. */
export function createTimestampParser(options: TimeOptions = {}): (text: string) => ParsedTime | TimeError {
  const zone = options.zone ?? "UTC";
  const toUtcMs = createZoneResolver(zone); // throws, naming the zone, when it is unknown
  const format = options.format ?? "auto";
  const read = readerFor(format);
  const mismatch = format === "auto" ? "unrecognised timestamp" : `does not match format "${format}"`;
  const givenYear = options.year;
  if (givenYear !== undefined && !(Number.isInteger(givenYear) && givenYear >= MIN_YEAR && givenYear <= MAX_YEAR)) {
    throw new Error(`year option ${givenYear} outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  const referenceMs = (options.referenceDate ?? new Date()).getTime();
  if (Number.isNaN(referenceMs)) throw new Error("referenceDate is an invalid Date");
  const inferYear = createYearInference(referenceMs);

  const instantUs = (f: Fields, year: number): number => {
    const localMs = Date.UTC(year, f.month - 1, f.day, f.hour, f.minute, f.second);
    const utcMs = f.offsetSec === null ? toUtcMs(localMs) : localMs - f.offsetSec * 1000;
    return utcMs * 1000 + f.micro;
  };
  // For inference only the date's existence matters; the year range is checked afterwards, so that a
  // reference near 1900 yields "year 1899 outside …" rather than a later year that breaks "at or before".
  const instantIfExists = (f: Fields) => (year: number) => (f.day <= daysInMonth(year, f.month) ? instantUs(f, year) : null);

  return (text) => {
    const trimmed = text.trim();
    if (trimmed === "") return { error: "empty timestamp" };
    if (trimmed.length > MAX_TEXT_LENGTH) return { error: "timestamp text too long" };
    const found = read(trimmed);
    if (found === undefined) return { error: mismatch };
    if (typeof found === "string") return { error: found };
    if (typeof found === "number") return epochResult(found);

    let year = found.year;
    let yearSource: ParsedTime["yearSource"] = null;
    if (year === null) {
      yearSource = givenYear === undefined ? "inferred" : "given";
      year = givenYear ?? inferYear(found.month, instantIfExists(found));
    }
    const reason = invalidReason(year, found);
    if (reason !== undefined) return { error: reason };
    return { epochUs: instantUs(found, year), assumedZone: found.offsetSec === null ? zone : null, yearSource };
  };
}

export function isTimeError(x: ParsedTime | TimeError): x is TimeError {
  return "error" in x;
}

/** The minute formatEpochUs last wrote ("2023-05-15T03:12:"): a log's events mostly come many to a minute, and toISOString was a tenth of the importer's own time per event. */
let lastMinute = Number.NaN;
let lastMinuteText = "";

/** "2023-05-15T03:12:44.123456Z" — always 6 fraction digits, always Z. Used to write timestamptz to Postgres. */
export function formatEpochUs(epochUs: number): string {
  const minute = Math.floor(epochUs / 60_000_000);
  if (minute !== lastMinute) {
    // Throws RangeError for a non-finite value: a caller bug, not data. Less its "00.000Z".
    lastMinuteText = new Date(minute * 60_000).toISOString().slice(0, -7);
    lastMinute = minute;
  }
  return `${lastMinuteText}${microsOfMinute(epochUs - minute * 60_000_000)}Z`;
}

/** "SS.ffffff" for 0 ≤ us < 60,000,000. */
function microsOfMinute(us: number): string {
  const s = Math.floor(us / 1_000_000);
  const f = Math.floor(us - s * 1_000_000);
  return `${s < 10 ? "0" : ""}${s}.${String(f).padStart(6, "0")}`;
}

function epochResult(epochUs: number): ParsedTime | TimeError {
  if (epochUs >= MIN_EPOCH_US && epochUs < END_EPOCH_US) return { epochUs, assumedZone: null, yearSource: null };
  const year = new Date(Math.floor(epochUs / 1000)).getUTCFullYear();
  return { error: Number.isNaN(year) ? "epoch value out of range" : `year ${year} outside ${MIN_YEAR}–${MAX_YEAR}` };
}

function readerFor(format: string): Reader {
  if (format === "auto") return firstMatch(AUTO_READERS());
  if (format.includes("%")) return strftimeReader(format);
  const named = NAMED_FORMATS[format];
  if (named === undefined) throw new Error(`unknown timestamp format "${format}"`);
  return named();
}

/** The first reader that recognises the text; the last winner is tried first, since a file rarely mixes formats. */
function firstMatch(readers: readonly Reader[]): Reader {
  let last = 0;
  return (text) => {
    const hit = readers[last]?.(text);
    if (hit !== undefined) return hit;
    for (let i = 0; i < readers.length; i++) {
      if (i === last) continue;
      const result = readers[i]?.(text);
      if (result !== undefined) {
        last = i;
        return result;
      }
    }
    return undefined;
  };
}
