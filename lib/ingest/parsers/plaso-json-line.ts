import type { EntityRef, EventDraft, RecordMapper } from "../canonical";
import { type Format, isObject, type Sample, tryJson, wholeLines } from "../formats/format";
import { createJsonLinesParser, isJsonLines, jsonLinesKeys } from "../formats/jsonl";

const str = (v: unknown): string | undefined =>
  typeof v === "string" ? (v === "" || v === "-" ? undefined : v) : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;

/**
 * The file a Plaso event came from, as a path: `filename` when Plaso gives it, else the
 * `display_name` without its path-spec type ("OS:/var/log/syslog" → "/var/log/syslog").
 * A drive letter ("C:\…") is one character, so it is never taken for a type.
 */
export function plasoSourceFile(filename: unknown, displayName: unknown): string | undefined {
  const f = str(filename);
  if (f) return f;
  const d = str(displayName);
  return d?.replace(/^[A-Z][A-Z0-9_]+:(?=[/\\])/, "");
}

// psort's json_line writes every event as an AttributeContainer; older versions lack the
// container type but always carry the parser chain and data type next to timestamp_desc.
function plasoScore(first: Record<string, unknown>): number {
  if (first.__container_type__ === "event" && typeof first.data_type === "string") return 90;
  const hasCore = typeof first.data_type === "string" && typeof first.parser === "string" && "timestamp_desc" in first;
  return hasCore && "timestamp" in first ? 86 : 0;
}

function plasoMessage(raw: Record<string, unknown>): string {
  const m = str(raw.message);
  if (m) return m;
  // psort leaves message out when it has no formatter for the data type: say what the event is.
  const parts = [str(raw.data_type), str(raw.display_name) ?? str(raw.filename)];
  return parts.filter(Boolean).join(" ") || "Plaso event";
}

const mapPlaso: RecordMapper = (raw) => {
  const ts = raw.timestamp;
  // The microsecond epoch is Plaso's own value; date_time is a structure and datetime a rendering of it.
  let time: Pick<EventDraft, "time" | "timeFormat">;
  if (typeof ts === "number" || (typeof ts === "string" && /^\d{1,19}$/.test(ts))) time = { time: ts, timeFormat: "epoch-us" };
  else if (str(raw.datetime)) time = { time: str(raw.datetime) as string };
  else return { error: "no timestamp (microseconds) or datetime in the Plaso event" };
  const file = plasoSourceFile(raw.filename, raw.display_name);
  const entities: EntityRef[] = file ? [{ kind: "file", value: file, role: "source-file" }] : [];
  return {
    ...time,
    timestampDesc: str(raw.timestamp_desc),
    message: plasoMessage(raw),
    category: str(raw.data_type),
    host: str(raw.hostname),
    actor: str(raw.username),
    target: file,
    entities,
  };
};

export const plasoJsonLineFormat: Format = {
  name: "plaso-json-line",
  label: "Plaso psort json_line",
  description:
    "psort -o json_line: one event per line with timestamp (µs, exact), timestamp_desc, data_type, parser and display_name; every attribute is kept.",
  example:
    '{"__container_type__":"event","__type__":"AttributeContainer","data_type":"syslog:line","display_name":"OS:/var/log/auth.log","hostname":"web01.example.test","message":"[sshd, pid: 812] Accepted publickey for alice","parser":"text/syslog","timestamp":1684120364123456,"timestamp_desc":"Content Modification Time","username":"alice"}',
  detect(sample: Sample) {
    if (!isJsonLines(sample)) return 0;
    const first = wholeLines(sample).map(tryJson).find(isObject);
    return first ? plasoScore(first) : 0;
  },
  createParser: createJsonLinesParser,
  createMapper: () => mapPlaso,
  sampleFields: jsonLinesKeys,
};
