import type { EventDraft, RecordMapper, RecordParser } from "../canonical";
import { type Format, type Sample, wholeLines } from "../formats/format";
import { createLineRecordParser } from "../formats/line-records";
import { authFacts } from "./syslog-auth";
import { isSyslogLine, parseSyslogLine } from "./syslog-line";

const FIELDS = ["timestamp", "host", "program", "pid", "msgid", "message", "facility", "severity", "structuredData", "line"];

/** One record per line; a line without a syslog header is a problem, a blank line is skipped. */
function createSyslogParser(): RecordParser {
  return createLineRecordParser((line, out) => {
    const rec = parseSyslogLine(line.text);
    if (typeof rec === "string") out.push({ kind: "problem", line: line.number, reason: rec, rawText: line.text });
    // No native id: the line's text is the fingerprint, so identical lines stay two events.
    else out.push({ kind: "record", line: line.number, raw: rec, rawText: line.text });
  });
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

// RFC 3164 has no year and no zone: the timestamp parser supplies the year (--year, else inferred
// and reported) and reads the time in the import's zone, which the event records as assumed.
const mapSyslog: RecordMapper = (raw) => {
  const timestamp = str(raw.timestamp);
  if (!timestamp) return { error: "no timestamp in the syslog line" };
  const message = str(raw.message) ?? "";
  const program = str(raw.program);
  const pid = str(raw.pid);
  const facts = authFacts(program, message);
  const draft: EventDraft = {
    time: timestamp,
    message: (program ? `${program}${pid ? `[${pid}]` : ""}: ${message.trim()}` : message).trim(),
    category: program,
    host: str(raw.host),
  };
  if (facts) {
    draft.action = facts.action;
    draft.outcome = facts.outcome;
    draft.actor = facts.actor;
    draft.target = facts.target;
    draft.srcIp = facts.srcIp;
    draft.entities = facts.entities;
  }
  return draft;
};

function syslogScore(sample: Sample): number {
  const lines = wholeLines(sample);
  const first = lines[0];
  if (first === undefined || !isSyslogLine(first)) return 0;
  const share = lines.filter(isSyslogLine).length / lines.length;
  return share >= 0.9 ? 88 : share >= 0.5 ? 85 : 0;
}

export const syslogFormat: Format = {
  name: "syslog",
  label: "Linux syslog / auth.log",
  description:
    "RFC 3164 (Jan 22 07:52:33 host sshd[1234]: …; year from --year or inferred, zone from --tz), rsyslog's ISO variant and RFC 5424 (structured data kept). sshd, sudo, su, PAM and useradd/passwd lines give action, outcome, actor and source IP.",
  example: "Jan 22 07:52:33 web01 sshd[1234]: Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2",
  detect: syslogScore,
  createParser: createSyslogParser,
  createMapper: () => mapSyslog,
  sampleFields: () => FIELDS,
};
