import { type Groups, monthFromName, type Reader } from "./fields";
import { fieldsFrom, OFFSET_SOURCE, ZONE_NAME_SOURCE } from "./offset-text";

// Every pattern is anchored and its optional parts start with distinct characters, so a failed match is
// decided in one pass: no nested quantifiers, nothing that can backtrack exponentially. The patterns are
// also mutually exclusive (no text matches two of them), so the order "auto" tries them in never changes a result.

/** h:mm[:ss[.fraction]] — a comma is accepted as the decimal mark, as ISO 8601 allows. */
const TIME = "(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2})(?:[.,](?<fraction>\\d+))?)?";
const OFFSET = `(?:\\s*(?<zone>${OFFSET_SOURCE}))?`;
const ZONE_NAME = `(?:\\s*(?<zone>${ZONE_NAME_SOURCE}))?`;
const MERIDIEM = "(?:\\s*(?<meridiem>[AaPp]\\.?[Mm]\\.?))?";

// 2023-05-15T03:12:44.123456Z, 2023-05-15 03:12:44 +0200, 2023-05-15; 2023/05/15 03:12:44 (nginx) too.
const ISO_RE = new RegExp(
  `^(?<year>\\d{4})(?<sep>[-/])(?<month>\\d{2})\\k<sep>(?<day>\\d{2})` +
    `(?:[Tt ](?<hour>\\d{2}):(?<minute>\\d{2})(?::(?<second>\\d{2})(?:[.,](?<fraction>\\d+))?)?)?${OFFSET}$`,
);
// 4/28/2021, 2:54:37.000 PM; 05/15/2023 03:12:44; 15/05/2023
const SLASH_RE = new RegExp(`^(?<a>\\d{1,2})/(?<b>\\d{1,2})/(?<year>\\d{4})(?:,?\\s+${TIME}${MERIDIEM})?${OFFSET}$`);
// 15.05.2023 03:12:44 — dotted dates are day-first wherever they are written.
const DOTTED_RE = new RegExp(`^(?<a>\\d{1,2})\\.(?<b>\\d{1,2})\\.(?<year>\\d{4})(?:,?\\s+${TIME})?${OFFSET}$`);
// Jan 22 07:52:33, Jan  2 07:52:33.123 (RFC 3164); Jan 22 2023 07:52:33 (Cisco-style, year given).
const SYSLOG_RE = new RegExp(`^(?<mon>[A-Za-z]{3,9})\\s+(?<day>\\d{1,2})(?:\\s+(?<year>\\d{4}))?\\s+${TIME}${OFFSET}$`);
// Mon, 15 May 2023 03:12:44 GMT; 15 May 2023 03:12:44 +0000; Mon, 15-May-2023 03:12:44 GMT (cookies).
const RFC2822_RE = new RegExp(
  `^(?:[A-Za-z]{3,9},?\\s+)?(?<day>\\d{1,2})(?:\\s+|-)(?<mon>[A-Za-z]{3,9})(?:\\s+|-)(?<year>\\d{4})\\s+${TIME}${ZONE_NAME}$`,
);
// Mon May 15 03:12:44 2023 (asctime), Mon May 15 03:12:44 UTC 2023 (date(1)).
const CTIME_RE = new RegExp(
  `^[A-Za-z]{3,9}\\s+(?<mon>[A-Za-z]{3,9})\\s+(?<day>\\d{1,2})\\s+${TIME}(?:\\s+(?<zone>${ZONE_NAME_SOURCE}))?\\s+(?<year>\\d{4})$`,
);
// 15/May/2023:03:12:44 +0000 (Apache/nginx common log format).
const CLF_RE = new RegExp(`^(?<day>\\d{1,2})/(?<mon>[A-Za-z]{3})/(?<year>\\d{4}):${TIME}${OFFSET}$`);

function groups(re: RegExp, text: string): Groups | undefined {
  return re.exec(text)?.groups;
}

export const readIso: Reader = (text) => {
  const g = groups(ISO_RE, text);
  return g && fieldsFrom(g, Number(g.year), Number(g.month), Number(g.day));
};

/** Which number comes first in a/b/yyyy: "auto" is month-first unless the first exceeds 12. */
export type SlashOrder = "auto" | "mdy" | "dmy";

export function slashReader(order: SlashOrder): Reader {
  return (text) => {
    const g = groups(SLASH_RE, text);
    if (g === undefined) return undefined;
    const a = Number(g.a);
    const b = Number(g.b);
    const dayFirst = order === "dmy" || (order === "auto" && a > 12);
    return dayFirst ? fieldsFrom(g, Number(g.year), b, a) : fieldsFrom(g, Number(g.year), a, b);
  };
}

export const readDotted: Reader = (text) => {
  const g = groups(DOTTED_RE, text);
  return g && fieldsFrom(g, Number(g.year), Number(g.b), Number(g.a));
};

/** A month name that is not a month means the text is not this format, so "auto" moves on. */
function namedMonthReader(re: RegExp, rfc822Names: boolean): Reader {
  return (text) => {
    const g = groups(re, text);
    const month = g?.mon === undefined ? 0 : monthFromName(g.mon);
    if (g === undefined || month === 0) return undefined;
    return fieldsFrom(g, g.year === undefined ? null : Number(g.year), month, Number(g.day), rfc822Names);
  };
}

export const readSyslog: Reader = namedMonthReader(SYSLOG_RE, false);
export const readRfc2822: Reader = namedMonthReader(RFC2822_RE, true);
export const readCtime: Reader = namedMonthReader(CTIME_RE, true);
export const readCommonLog: Reader = namedMonthReader(CLF_RE, false);
