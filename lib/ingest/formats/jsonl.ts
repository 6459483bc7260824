import type { RecordParser } from "../canonical";
import { guessMapping, mapperFromMapping } from "../field-mapping";
import { withTimeByValues } from "../time-column";
import { type Format, isObject, type Sample, tryJson, wholeLines } from "./format";
import { createLineRecordParser } from "./line-records";

/** A parser for one JSON object per line; blank lines are skipped, anything else is a problem. */
export function createJsonLinesParser(): RecordParser {
  return createLineRecordParser((line, out) => {
    const t = line.text;
    let value: unknown;
    try {
      value = JSON.parse(t);
    } catch (err) {
      out.push({ kind: "problem", line: line.number, reason: `invalid JSON: ${(err as Error).message}`, rawText: t });
      return;
    }
    if (!isObject(value)) out.push({ kind: "problem", line: line.number, reason: "not a JSON object", rawText: t });
    else out.push({ kind: "record", line: line.number, raw: value, rawText: t, isRawTextJson: true });
  });
}

/** Keys of the first objects in a JSON Lines sample. */
export function jsonLinesKeys(sample: Sample): string[] {
  const keys = new Set<string>();
  for (const l of wholeLines(sample).slice(0, 20)) {
    const v = tryJson(l);
    if (isObject(v)) for (const k of Object.keys(v)) keys.add(k);
  }
  return [...keys];
}

/** Share of whole sample lines that are JSON objects (0–1). */
export function jsonLinesShare(sample: Sample): number {
  const lines = wholeLines(sample);
  if (lines.length === 0) return 0;
  return lines.filter((l) => l.trimStart().startsWith("{") && isObject(tryJson(l))).length / lines.length;
}

/** The first whole line is a JSON object and at least half of the sample's lines are. */
export function isJsonLines(sample: Sample): boolean {
  const first = wholeLines(sample)[0];
  return first !== undefined && isObject(tryJson(first)) && jsonLinesShare(sample) >= 0.5;
}

export const jsonLinesFormat: Format = {
  name: "jsonl",
  label: "JSON Lines / NDJSON",
  description: "One JSON object per line. Time, message, actor, host and IPs are taken from the usual field names, or from --map.",
  example: '{"ts":"2023-05-15T03:12:44.123456Z","msg":"login ok","user":"alice@example.test","src_ip":"203.0.113.7"}',
  // The first line an object and most lines objects: a few malformed lines must not make a JSONL file undetectable.
  detect: (sample) => (isJsonLines(sample) ? 50 : 0),
  createParser: createJsonLinesParser,
  createMapper: (sample, mapping) => {
    const keys = jsonLinesKeys(sample);
    const records = wholeLines(sample).map(tryJson).filter(isObject);
    return mapperFromMapping(withTimeByValues(guessMapping(keys, mapping), keys, records));
  },
  sampleFields: jsonLinesKeys,
};
