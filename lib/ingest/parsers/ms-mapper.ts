import type { EventDraft, RecordMapper } from "../canonical";
import { type FieldMapping, getField } from "../field-mapping";
import { asText } from "./ms-fields";

/** A format's reading of one record: the canonical fields, with the time possibly missing. */
export type MsDraft = Omit<EventDraft, "time"> & {
  time?: string | number;
  /** Named in the error when the time is missing. */
  timeField: string;
};

const OVERRIDABLE = ["message", "timestampDesc", "action", "category", "outcome", "actor", "host", "srcIp", "dstIp", "target"] as const;

/**
 * The format's mapper, with the analyst's --map overriding it field by field. A mapped time column
 * states UTC only when its name says so, as in the generic formats.
 */
export function createMsMapper(read: (raw: Record<string, unknown>) => MsDraft, mapping: FieldMapping): RecordMapper {
  const overrides = OVERRIDABLE.filter((k) => mapping[k]);
  const timeKey = mapping.time;
  const idKey = mapping.id;
  const mappedTimeIsUtc = Boolean(timeKey && /\butc\b/i.test(timeKey));
  return (raw) => {
    const { timeField, time: ownTime, ...draft } = read(raw);
    let time = ownTime;
    if (timeKey) {
      const v = getField(raw, timeKey);
      time = typeof v === "number" ? v : asText(v);
      draft.isZoneStated = mappedTimeIsUtc;
      delete draft.timeFormat;
    }
    if (time === undefined || time === "") return { error: `no value in time field "${timeKey ?? timeField}"` };
    for (const k of overrides) {
      const v = asText(getField(raw, mapping[k] as string));
      if (k === "message") draft.message = v ?? draft.message;
      else draft[k] = v;
    }
    if (idKey) draft.nativeId = asText(getField(raw, idKey));
    return { ...draft, time };
  };
}
