import { type FieldMapping, getField } from "./field-mapping";
import { createTimestampParser, isTimeError } from "./time/parse-timestamp";

/** A column whose name says it holds a time ("Event DateTime", "LoggedWhen", "ts_utc"). */
const TIME_NAME = /time|date|when|stamp|^ts\b|_ts$/i;
/** Text shaped like a date: digits, then a date or time separator, then digits. */
const DATE_SHAPED = /\d{1,4}[-/.:]\d{1,2}|[A-Za-z]{3} +\d{1,2}/;
/** Share of a column's non-empty sampled values that must read as timestamps. */
const MIN_SHARE = 0.8;

/**
 * The column that holds each record's time, judged by its values, for files whose time column
 * has a name no list foresees (a real AWS export names it only "Event DateTime"). A column
 * qualifies when most of its sampled values read as timestamps; among those, one whose name
 * speaks of time wins, else the leftmost. Bare numbers count only under such a name: an account
 * id or a byte count of ten digits reads as an epoch too.
 */
export function timeColumnByValues(keys: readonly string[], records: readonly Record<string, unknown>[]): string | undefined {
  const parse = createTimestampParser();
  const qualifying = keys.filter((key) => {
    const named = TIME_NAME.test(key);
    let seen = 0;
    let times = 0;
    for (const r of records) {
      const v = getField(r, key);
      if (v === undefined || v === null || v === "") continue;
      seen += 1;
      const text = String(v).trim();
      const shaped = typeof v === "string" && DATE_SHAPED.test(text);
      const epoch = named && /^\d{9,19}(\.\d+)?$/.test(text);
      if ((shaped || epoch) && !isTimeError(parse(text))) times += 1;
    }
    return seen > 0 && times / seen >= MIN_SHARE;
  });
  return qualifying.find((k) => TIME_NAME.test(k)) ?? qualifying[0];
}

/** The mapping with its time field filled from the values when neither the user nor the names gave one. */
export function withTimeByValues(
  mapping: FieldMapping,
  keys: readonly string[],
  records: readonly Record<string, unknown>[],
): FieldMapping {
  if (mapping.time) return mapping;
  const time = timeColumnByValues(keys, records);
  return time ? { ...mapping, time } : mapping;
}
