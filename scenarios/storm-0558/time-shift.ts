// Moves a generated scenario in time by whole weeks, in every form its files write a date: ISO
// dates and times (any fraction, with or without a zone), Purview's US clock ("7/13/2021 3:20:42
// AM"), dates in paths ("\2021-04-20\"), the scanner's run ids ("cs-20210223-2300"), Windows
// FILETIMEs (the crash's ProcessCreationTime, "0x01d7…") and prose
// ("15 May 2023", "27 Jun and 5 Jul 2023"). Whole weeks keep the time of day and the weekday, so the
// office-hours rhythms of the background hold. Month-only prose ("April 2021", in the public-record
// facts) is left alone: it names the real incident's month, not a logged time.

const DAY_MS = 86_400_000;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The UTC calendar date `weeks` weeks after y-m-d (month 1-based). */
function shifted(y: number, m: number, d: number, weeks: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(y, m - 1, d) + weeks * 7 * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** A month name as it was written ("Jun", "June", "Sept") → 1-12, or 0. */
function monthOf(name: string): number {
  const i = MONTHS.findIndex((full) => full.toLowerCase().startsWith(name.slice(0, 3).toLowerCase()));
  return i + 1;
}

/** The month's name in the style it was written: abbreviated (three letters) or full. */
function monthName(m: number, like: string): string {
  const full = MONTHS[m - 1] as string;
  return like.length <= 4 && like.toLowerCase() !== "june" && like.toLowerCase() !== "july" ? full.slice(0, 3) : full;
}

const MONTH_WORD =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

/** Shifts every date the scenario's files write in `text` by `weeks` whole weeks. */
export function shiftDates(text: string, weeks: number): string {
  if (weeks === 0) return text;
  let out = text;
  // ISO dates, alone or starting a date-time; not inside a longer number or id.
  out = out.replace(/(?<![\w.-])(20\d{2})-(\d{2})-(\d{2})(?![\d-])/g, (_m, y: string, mo: string, d: string) => {
    const s = shifted(Number(y), Number(mo), Number(d), weeks);
    return `${s.y}-${pad(s.m)}-${pad(s.d)}`;
  });
  // Purview's US clock.
  out = out.replace(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(20\d{2})(?= \d{1,2}:\d{2}:\d{2} [AP]M)/g, (_m, mo: string, d: string, y: string) => {
    const s = shifted(Number(y), Number(mo), Number(d), weeks);
    return `${s.m}/${s.d}/${s.y}`;
  });
  // The credential scanner's run ids.
  out = out.replace(/(?<=cs-)(20\d{2})(\d{2})(\d{2})(?=-\d{4})/g, (_m, y: string, mo: string, d: string) => {
    const s = shifted(Number(y), Number(mo), Number(d), weeks);
    return `${s.y}${pad(s.m)}${pad(s.d)}`;
  });
  // Windows FILETIME in hex (100 ns since 1601): 0x01d… covers 2019 to 2025.
  out = out.replace(/(?<![0-9A-Fa-f])0x(01d[0-9a-f]{13})(?![0-9A-Fa-f])/g, (_m, hex: string) => {
    const moved = BigInt(`0x${hex}`) + BigInt(weeks) * 7n * 864_000_000_000n;
    return `0x${moved.toString(16).padStart(16, "0")}`;
  });
  // Prose: "15 May 2023", and a day and month whose year comes a little later ("27 Jun and 5 Jul 2023").
  const prose = new RegExp(`(?<![\\w])(\\d{1,2}) ${MONTH_WORD}(?![a-z])(?: (20\\d{2}))?`, "g");
  out = out.replace(prose, (whole, d: string, mon: string, year: string | undefined, offset: number, all: string) => {
    const y = year ?? /^[^.\n"]{0,40}?\b(20\d{2})\b/.exec(all.slice(offset + whole.length))?.[1];
    const m = monthOf(mon);
    if (!y || m === 0) return whole;
    const s = shifted(Number(y), m, Number(d), weeks);
    return `${s.d} ${monthName(s.m, mon)}${year ? ` ${s.y}` : ""}`;
  });
  return out;
}
