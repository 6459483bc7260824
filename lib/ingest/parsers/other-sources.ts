import type { EventDraft, RecordMapper } from "../canonical";
import { type FieldMapping, getField, type MappableField } from "../field-mapping";
import type { Format } from "../formats/format";
import { cloudTrailFormat } from "./cloudtrail";
import { plasoJsonLineFormat } from "./plaso-json-line";
import { plasoL2tCsvFormat } from "./plaso-l2tcsv";
import { suricataEveFormat } from "./suricata";
import { syslogFormat } from "./syslog";
import { syslogLaFormat } from "./syslog-la";
import { tokenValidationFormat } from "./token-validation";
import { zeekFormat } from "./zeek";

function text(v: unknown): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

const TEXT_FIELDS = ["timestampDesc", "action", "category", "outcome", "actor", "host", "srcIp", "dstIp", "target"] as const;

/** The format's own mapping, with every field the analyst mapped (--map) read from the named field instead. */
function overridden(own: RecordMapper, mapping: FieldMapping): RecordMapper {
  const named = (Object.entries(mapping) as [MappableField, string | undefined][]).filter(([, key]) => key);
  if (named.length === 0) return own;
  return (raw) => {
    const mapped = own(raw);
    if ("error" in mapped) return mapped;
    const draft: EventDraft = { ...mapped };
    for (const [field, key] of named) {
      const value = getField(raw, key as string);
      if (field === "time") {
        if (value === undefined || value === null || value === "") return { error: `no value in time field "${key}"` };
        // The analyst's field has its own form: --time-format and --tz apply, unless the name states UTC.
        draft.time = typeof value === "number" ? value : String(value);
        delete draft.timeFormat;
        draft.isZoneStated = /\butc\b/i.test(key as string);
      } else if (field === "id") draft.nativeId = text(value);
      else if (field === "message") draft.message = text(value) ?? draft.message;
      else if ((TEXT_FIELDS as readonly string[]).includes(field)) draft[field as (typeof TEXT_FIELDS)[number]] = text(value);
    }
    return draft;
  };
}

function withUserMapping(format: Format): Format {
  return { ...format, createMapper: (sample, mapping) => overridden(format.createMapper(sample, mapping), mapping) };
}

/**
 * Plaso, syslog, CloudTrail, Zeek, Suricata, token validation. Every one of them scores 85–100
 * only on its own marks, so the order matters only between equal scores: the narrowest first.
 */
export const OTHER_FORMATS: readonly Format[] = [
  tokenValidationFormat,
  zeekFormat,
  plasoL2tCsvFormat,
  cloudTrailFormat,
  suricataEveFormat,
  plasoJsonLineFormat,
  syslogLaFormat,
  syslogFormat,
].map(withUserMapping);
