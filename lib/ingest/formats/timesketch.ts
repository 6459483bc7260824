import type { EventDraft, RecordMapper } from "../canonical";
import { type FieldMapping, guessMapping, mapperFromMapping } from "../field-mapping";
import { csvFormat, csvHeader } from "./csv";
import type { Format, Sample } from "./format";
import { isObject, tryJson, wholeLines } from "./format";
import { isJsonLines, jsonLinesFormat, jsonLinesKeys } from "./jsonl";

// Timesketch's import contract: message, datetime (ISO 8601) and timestamp_desc are required;
// timestamp (microseconds since the epoch) is optional and, when present, exact. Plaso's
// json_line output carries the same three fields, so it is read the same way.
function hasTimesketchFields(keys: readonly string[]): boolean {
  const k = new Set(keys);
  return k.has("message") && k.has("timestamp_desc") && (k.has("datetime") || k.has("timestamp"));
}

function timesketchMapper(keys: readonly string[], mapping: FieldMapping): RecordMapper {
  const base = { message: "message", timestampDesc: "timestamp_desc", ...mapping };
  const byDatetime = mapperFromMapping(guessMapping(keys, { ...base, time: mapping.time ?? "datetime" }));
  const byTimestamp = mapperFromMapping(guessMapping(keys, { ...base, time: "timestamp" }));
  return (raw) => {
    const ts = raw.timestamp;
    // The microsecond epoch is exact; datetime may have been rounded by the exporter.
    if (!mapping.time && (typeof ts === "number" || (typeof ts === "string" && /^-?\d{1,19}$/.test(ts)))) {
      const draft = byTimestamp(raw);
      return "error" in draft ? draft : ({ ...draft, timeFormat: "epoch-us" } satisfies EventDraft);
    }
    return byDatetime(raw);
  };
}

export const timesketchJsonlFormat: Format = {
  name: "timesketch-jsonl",
  label: "Timesketch JSONL",
  description:
    "JSON Lines with message, datetime and timestamp_desc (timestamp in µs optional, preferred when present); other fields are kept.",
  example:
    '{"message":"User alice signed in","datetime":"2023-05-15T03:12:44.123456+00:00","timestamp_desc":"Event Logged","timestamp":1684120364123456,"tag":["sign-in"]}',
  detect(sample) {
    if (!isJsonLines(sample)) return 0;
    const first = wholeLines(sample).map(tryJson).find(isObject);
    return first && hasTimesketchFields(Object.keys(first)) ? 80 : 0;
  },
  createParser: jsonLinesFormat.createParser,
  createMapper: (sample: Sample, mapping) => timesketchMapper(jsonLinesKeys(sample), mapping),
  sampleFields: jsonLinesKeys,
};

export const timesketchCsvFormat: Format = {
  name: "timesketch-csv",
  label: "Timesketch CSV",
  description: "CSV with message, datetime and timestamp_desc columns (timestamp in µs optional); other columns are kept.",
  example:
    'message,datetime,timestamp_desc,timestamp,user\n"User alice signed in",2023-05-15T03:12:44.123456+00:00,Event Logged,1684120364123456,alice',
  detect: (sample) => (hasTimesketchFields(csvHeader(sample)) && csvFormat.detect(sample) > 0 ? 80 : 0),
  createParser: csvFormat.createParser,
  createMapper: (sample, mapping) => timesketchMapper(csvHeader(sample), mapping),
  sampleFields: csvHeader,
};
