import type { EventDraft, RecordMapper } from "../canonical";
import { type FieldMapping, getField } from "../field-mapping";
import { isObject } from "../formats/format";

function asText(v: unknown): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

const DRAFT_FIELDS = ["message", "timestampDesc", "action", "category", "outcome", "actor", "host", "srcIp", "dstIp", "target"] as const;

/**
 * The format's mapper, with the user's --map applied field by field on top: a mapped field that
 * holds a value replaces the format's choice; one that is empty in a record leaves it.
 */
export function withMapping(mapper: RecordMapper, mapping: FieldMapping): RecordMapper {
  if (Object.keys(mapping).length === 0) return mapper;
  return (raw) => {
    const draft = mapper(raw);
    if ("error" in draft) {
      // A mapped time can rescue a record the format could not date.
      if (!mapping.time) return draft;
      const t = getField(raw, mapping.time);
      if (t === undefined || t === null || t === "") return draft;
      return { time: typeof t === "number" ? t : String(t), message: asText(getField(raw, mapping.message ?? "")) ?? draft.error };
    }
    const out: EventDraft = { ...draft };
    if (mapping.time) {
      const t = getField(raw, mapping.time);
      if (t !== undefined && t !== null && t !== "") {
        out.time = typeof t === "number" ? t : String(t);
        out.isZoneStated = /\butc\b/i.test(mapping.time);
        out.timeFormat = undefined;
      }
    }
    for (const f of DRAFT_FIELDS) {
      const key = mapping[f];
      const v = key ? asText(getField(raw, key)) : undefined;
      if (v !== undefined) out[f] = v;
    }
    const id = mapping.id ? asText(getField(raw, mapping.id)) : undefined;
    if (id !== undefined) out.nativeId = id;
    return out;
  };
}

/** Dotted paths of the leaves of the first objects (to depth 4), for the mapping form. */
export function leafPaths(objects: Iterable<Record<string, unknown>>): string[] {
  const out = new Set<string>();
  const walk = (o: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [k, v] of Object.entries(o)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (isObject(v) && depth < 4) walk(v, key, depth + 1);
      else out.add(key);
    }
  };
  for (const o of objects) walk(o, "", 0);
  return [...out];
}
