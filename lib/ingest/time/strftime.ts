import { applyMeridiem, daysInMonth, type Fields, isLeapYear, microsFromFraction, monthFromName, type Reader } from "./fields";
import { OFFSET_SOURCE, offsetFromText } from "./offset-text";

/** Fields being assembled from a strftime match; `yearDay` (-1 = absent) and `meridiem` are applied last. */
type Draft = Fields & { yearDay: number; meridiem: string };
/** Stores one captured group into the draft; returns a reason when the value cannot be used. */
type Store = (value: string, draft: Draft) => string | undefined;
type Directive = { source: string; store?: Store };

/** POSIX pivot for two-digit years: 69–99 → 1969–1999, 00–68 → 2000–2068. */
const TWO_DIGIT_YEAR_PIVOT = 69;

type NumericField = "year" | "month" | "day" | "hour" | "minute" | "second" | "yearDay";

function toField(field: NumericField): Store {
  return (value, draft) => {
    draft[field] = Number(value);
    return undefined;
  };
}

function storeTwoDigitYear(value: string, draft: Draft): undefined {
  const yy = Number(value);
  draft.year = yy + (yy >= TWO_DIGIT_YEAR_PIVOT ? 1900 : 2000);
}

const DIRECTIVES: Record<string, Directive> = {
  Y: { source: "(\\d{4})", store: toField("year") },
  y: { source: "(\\d{2})", store: storeTwoDigitYear },
  m: { source: "(\\d{1,2})", store: toField("month") },
  d: { source: "(\\d{1,2})", store: toField("day") },
  e: { source: "\\s*(\\d{1,2})", store: toField("day") },
  H: { source: "(\\d{1,2})", store: toField("hour") },
  I: { source: "(\\d{1,2})", store: toField("hour") },
  M: { source: "(\\d{1,2})", store: toField("minute") },
  S: { source: "(\\d{1,2})", store: toField("second") },
  f: { source: "(\\d{1,9})", store: storeFraction },
  p: { source: "([AaPp]\\.?[Mm]\\.?)", store: storeMeridiem },
  b: { source: "([A-Za-z]{3,9})", store: storeMonthName },
  B: { source: "([A-Za-z]{3,9})", store: storeMonthName },
  z: { source: `(${OFFSET_SOURCE})`, store: storeOffset },
  Z: { source: "([A-Za-z]{1,5})", store: storeOffset },
  j: { source: "(\\d{1,3})", store: toField("yearDay") },
  // Weekday names are matched but ignored: the date fields already fix the day.
  a: { source: "[A-Za-z]{3,9}" },
  A: { source: "[A-Za-z]{3,9}" },
  "%": { source: "%" },
};
/** Composite directives, expanded before compiling. */
const COMPOSITES: Record<string, string> = { T: "%H:%M:%S" };

function storeFraction(value: string, draft: Draft): undefined {
  draft.micro = microsFromFraction(value);
}

function storeMeridiem(value: string, draft: Draft): undefined {
  draft.meridiem = value;
}

function storeMonthName(value: string, draft: Draft): string | undefined {
  draft.month = monthFromName(value);
  return draft.month === 0 ? `unknown month "${value}"` : undefined;
}

function storeOffset(value: string, draft: Draft): string | undefined {
  const offset = offsetFromText(value);
  if (typeof offset === "string") return offset;
  draft.offsetSec = offset;
  return undefined;
}

/**
 * Compiles a strftime-style pattern into a reader, once. Whitespace in the pattern matches any run of
 * whitespace (as strptime does). Throws an Error naming an unsupported directive.
 */
export function strftimeReader(pattern: string): Reader {
  const stores: Store[] = [];
  let source = "^";
  let usesYear = false;
  let usesYearDay = false;
  const expanded = pattern.trim().replace(/%([%T])/g, (all, c: string) => COMPOSITES[c] ?? all);
  for (let i = 0; i < expanded.length; i++) {
    const c = expanded.charAt(i);
    if (c === "%") {
      const name = expanded.charAt(++i);
      const directive = DIRECTIVES[name];
      if (directive === undefined) throw new Error(`unsupported strftime directive "%${name}" in format "${pattern}"`);
      source += directive.source;
      if (directive.store !== undefined) stores.push(directive.store);
      usesYear ||= name === "Y" || name === "y";
      usesYearDay ||= name === "j";
    } else if (/\s/.test(c)) {
      while (/\s/.test(expanded.charAt(i + 1))) i++;
      source += "\\s+";
    } else {
      source += c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    }
  }
  // A day of the year only names a date once the year is known, and inferring one from it would be circular.
  if (usesYearDay && !usesYear) throw new Error(`format "${pattern}" uses %j without %Y or %y`);
  const re = new RegExp(`${source}$`);

  return (text) => {
    const m = re.exec(text);
    if (m === null) return undefined;
    const draft: Draft = {
      year: null,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      micro: 0,
      offsetSec: null,
      yearDay: -1,
      meridiem: "",
    };
    for (let k = 0; k < stores.length; k++) {
      const reason = stores[k]?.(m[k + 1] ?? "", draft);
      if (reason !== undefined) return reason;
    }
    if (draft.meridiem !== "") {
      const hour = applyMeridiem(draft.hour, draft.meridiem);
      if (typeof hour === "string") return hour;
      draft.hour = hour;
    }
    if (draft.yearDay !== -1 && draft.year !== null) {
      const reason = applyYearDay(draft, draft.year);
      if (reason !== undefined) return reason;
    }
    return draft; // the two extra properties are harmless downstream; copying would cost an object per line
  };
}

function applyYearDay(draft: Draft, year: number): string | undefined {
  if (draft.yearDay < 1 || draft.yearDay > (isLeapYear(year) ? 366 : 365)) return `day-of-year ${draft.yearDay} out of range for ${year}`;
  let rest = draft.yearDay;
  let month = 1;
  while (rest > daysInMonth(year, month)) rest -= daysInMonth(year, month++);
  draft.month = month;
  draft.day = rest;
  return undefined;
}
