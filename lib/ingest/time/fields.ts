/** Wall-clock fields a reader found in the text, before year inference, validation and zone resolution. */
export type Fields = {
  /** null when the text carried no year (syslog); the parser supplies one. */
  year: number | null;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0–999999; digits beyond microseconds are truncated, never rounded. */
  micro: number;
  /** Seconds east of UTC written in the text; null when the text named no zone, so one must be assumed. */
  offsetSec: number | null;
};

/**
 * What a reader made of one text: undefined = not this format (try the next one); string = this format but
 * invalid, the reason; number = an absolute instant in epoch microseconds; Fields = wall-clock time to resolve.
 */
export type ReadResult = Fields | number | string | undefined;
export type Reader = (text: string) => ReadResult;

/** Regex groups as readers name them; absent optional groups are undefined. */
export type Groups = Partial<Record<string, string>>;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

// Full names, three-letter abbreviations and the common "Sept", all lower-cased: logs vary in case.
const MONTH_BY_NAME = new Map<string, number>(
  MONTH_NAMES.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1],
  ]),
).set("sept", 9);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** 1–12, or 0 when the name is not a month. */
export function monthFromName(name: string): number {
  return MONTH_BY_NAME.get(name.toLowerCase()) ?? 0;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Fraction digits to microseconds: "1234567" → 123456 (truncated, so an instant never moves later). */
export function microsFromFraction(digits: string | undefined): number {
  if (digits === undefined) return 0;
  return Number(digits.length >= 6 ? digits.slice(0, 6) : digits.padEnd(6, "0"));
}

/** The first reason the fields do not name a real time, or undefined when they do. */
export function invalidReason(year: number, f: Fields): string | undefined {
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) return `year ${year} outside ${MIN_YEAR}–${MAX_YEAR}`;
  if (f.month < 1 || f.month > 12) return `month ${f.month} out of range`;
  if (f.day < 1 || f.day > daysInMonth(year, f.month)) {
    return `day ${f.day} out of range for ${MONTH_NAMES[f.month - 1]} ${year}`;
  }
  // Hour 24 and leap second 60 are rejected: both are rare in logs and more often signal a misread format.
  if (f.hour > 23) return `hour ${f.hour} out of range`;
  if (f.minute > 59) return `minute ${f.minute} out of range`;
  if (f.second > 59) return `second ${f.second} out of range`;
  return undefined;
}

/** 12-hour clock to 24-hour: "12 AM" is midnight, "12 PM" is noon. */
export function applyMeridiem(hour: number, meridiem: string): number | string {
  if (hour < 1 || hour > 12) return `hour ${hour} out of range for ${meridiem.toUpperCase()}`;
  const pm = meridiem.charCodeAt(0) === 80 || meridiem.charCodeAt(0) === 112; // "P" or "p"
  return (hour % 12) + (pm ? 12 : 0);
}
