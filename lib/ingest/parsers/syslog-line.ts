/** One syslog line split into its parts; `line` is the whole text as read. */
export type SyslogRecord = {
  timestamp: string;
  host?: string;
  program?: string;
  pid?: string;
  msgid?: string;
  message: string;
  facility?: string;
  severity?: string;
  structuredData?: string;
  line: string;
};

const FACILITIES = [
  "kern",
  "user",
  "mail",
  "daemon",
  "auth",
  "syslog",
  "lpr",
  "news",
  "uucp",
  "cron",
  "authpriv",
  "ftp",
  "ntp",
  "security",
  "console",
  "solaris-cron",
  "local0",
  "local1",
  "local2",
  "local3",
  "local4",
  "local5",
  "local6",
  "local7",
];
const SEVERITIES = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

// RFC 5424: <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD [MSG]; "-" is a nil value.
const RFC5424 = /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) (.*)$/;
// RFC 3164 ("Jan 22 07:52:33", Cisco-style with a year) and rsyslog's high-precision variant
// ("2023-05-15T03:12:44.123456+00:00"), both followed by the host and "tag[pid]: message".
const RFC3164 =
  /^(?:<(\d{1,3})>)?([A-Z][a-z]{2} {1,2}\d{1,2}(?: \d{4})? \d{2}:\d{2}:\d{2}(?:\.\d{1,9})?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})) (\S+) ?(.*)$/;
const TAG = /^([^\s[\]:]{1,64})(?:\[([^\]\s]{1,32})\])?: ?(.*)$/s;

function priority(pri: string | undefined): Pick<SyslogRecord, "facility" | "severity"> | null {
  if (pri === undefined) return {};
  const n = Number(pri);
  if (n > 191) return null;
  return { facility: FACILITIES[n >> 3], severity: SEVERITIES[n & 7] };
}

const nil = (v: string | undefined) => (v === undefined || v === "-" ? undefined : v);

const KEY_ORDER = ["timestamp", "host", "program", "pid", "msgid", "message", "facility", "severity", "structuredData", "line"] as const;

/** The record with its keys in one order and absent parts left out, so raw reads the same for every line. */
function ordered(parts: Partial<SyslogRecord>): SyslogRecord {
  const out: Partial<SyslogRecord> = {};
  for (const k of KEY_ORDER) if (parts[k] !== undefined) out[k] = parts[k];
  return out as SyslogRecord;
}

/** Splits RFC 5424 structured data (`[id k="v" …]…` or `-`) from the message after it. */
function splitStructuredData(rest: string): { sd?: string; message: string } | null {
  if (rest === "-" || rest.startsWith("- ")) return { message: rest.slice(2) };
  let i = 0;
  while (rest[i] === "[") {
    // Inside a quoted value \" \\ and \] are escapes; a "]" outside quotes closes the element.
    let inQuote = false;
    i++;
    for (; i < rest.length; i++) {
      const c = rest[i];
      if (c === "\\" && inQuote) i++;
      else if (c === '"') inQuote = !inQuote;
      else if (c === "]" && !inQuote) break;
    }
    if (i >= rest.length) return null;
    i++;
  }
  if (i === 0 || (i < rest.length && rest[i] !== " ")) return null;
  return { sd: rest.slice(0, i), message: rest.slice(i + 1) };
}

function from5424(line: string, m: RegExpExecArray): SyslogRecord | string {
  const prio = priority(m[1]);
  if (!prio) return `PRI <${m[1]}> is above 191`;
  const sd = splitStructuredData(m[7] ?? "");
  if (!sd) return "RFC 5424 structured data is malformed";
  // A UTF-8 BOM may open MSG (RFC 5424 §6.4): it marks the encoding, it is not text.
  const message = sd.message.replace(/^\uFEFF/, "");
  return ordered({
    timestamp: m[2],
    host: nil(m[3]),
    program: nil(m[4]),
    pid: nil(m[5]),
    msgid: nil(m[6]),
    message,
    ...prio,
    structuredData: sd.sd,
    line,
  });
}

function from3164(line: string, m: RegExpExecArray): SyslogRecord | string {
  const prio = priority(m[1]);
  if (!prio) return `PRI <${m[1]}> is above 191`;
  const rest = m[4] ?? "";
  const tag = TAG.exec(rest);
  return ordered({ timestamp: m[2], host: m[3], program: tag?.[1], pid: tag?.[2], message: tag ? (tag[3] ?? "") : rest, ...prio, line });
}

/** The parts of one syslog line, or why it is not one. */
export function parseSyslogLine(line: string): SyslogRecord | string {
  const m5 = RFC5424.exec(line);
  if (m5) return from5424(line, m5);
  const m3 = RFC3164.exec(line);
  if (m3) return from3164(line, m3);
  return "not a syslog line (RFC 3164 or RFC 5424)";
}

/** True when the line has a syslog header, for detection. */
export function isSyslogLine(line: string): boolean {
  return RFC5424.test(line) || RFC3164.test(line);
}
