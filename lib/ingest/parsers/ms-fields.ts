import { isObject, tryJson } from "../formats/format";

/**
 * Microsoft exports spell one field many ways: `ipAddress` (Graph), `IPAddress` (Log Analytics),
 * `IP address` (portal CSV), `Client_IPAddress` (OfficeActivity). Compared after lower-casing and
 * dropping everything but letters and digits, they meet.
 */
export function squash(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Reads one record's fields by any of their spellings. */
export type Fields = {
  /** The first non-empty value among `names`: each tried as written, then ignoring case and punctuation. */
  get(...names: string[]): unknown;
  /** The same value as trimmed text (numbers and booleans as written); undefined when empty or an object. */
  text(...names: string[]): string | undefined;
  /** The same value with a JSON string parsed (Log Analytics and CSV exports carry nested values as JSON text). */
  json(...names: string[]): unknown;
};

const isEmpty = (v: unknown) => v === undefined || v === null || v === "";

/** A value as one line of text, or undefined when there is none. */
export function asText(v: unknown): string | undefined {
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? undefined : t;
  }
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

/** A JSON object or array written as text becomes the value; anything else is returned as is. */
export function asJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trimStart();
  return t.startsWith("{") || t.startsWith("[") ? tryJson(t) : v;
}

/** Follows a path of keys through nested objects. */
export function at(v: unknown, ...path: string[]): unknown {
  let cur = v;
  for (const k of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

// Keys repeat from record to record: squash each spelling once per process, not once per record.
const squashed = new Map<string, string>();
function squashKey(key: string): string {
  let s = squashed.get(key);
  if (s === undefined) {
    s = squash(key);
    if (squashed.size < 10_000) squashed.set(key, s);
  }
  return s;
}

/**
 * A reader over `record`, then `fallback` (a CSV envelope around a parsed record). `loose`: also
 * match names ignoring case and punctuation, for exports that respell them; exact-name exports
 * (the audit log's own JSON) skip that work.
 */
export function fieldsOf(record: Record<string, unknown>, options: { fallback?: Record<string, unknown>; loose?: boolean } = {}): Fields {
  const { fallback, loose = true } = options;
  // Built on the first miss only, and only in loose mode.
  let index: Map<string, string> | null = null;
  const lookup = (name: string): unknown => {
    const exact = record[name];
    if (!isEmpty(exact)) return exact;
    if (fallback) {
      const v = fallback[name];
      if (!isEmpty(v)) return v;
    }
    if (!loose) return undefined;
    if (!index) {
      index = new Map();
      // The first spelling wins: OfficeActivity's "UserId" comes before its copy "UserId_".
      for (const k of Object.keys(record)) {
        const s = squashKey(k);
        if (!index.has(s)) index.set(s, k);
      }
    }
    const key = index.get(squashKey(name));
    return key === undefined ? undefined : record[key];
  };
  const get = (...names: string[]) => {
    for (const n of names) {
      const v = lookup(n);
      if (!isEmpty(v)) return v;
    }
    return undefined;
  };
  return {
    get,
    text: (...names) => {
      for (const n of names) {
        const t = asText(lookup(n));
        if (t !== undefined) return t;
      }
      return undefined;
    },
    json: (...names) => asJson(get(...names)),
  };
}

/** Shortens text for a one-line message, marking the cut. */
export function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** [{Name, Value}] (UAL OperationProperties, Parameters, ExtendedProperties) or [{key, value}] (Entra) as a map. */
export function nameValues(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const list = asJson(v);
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    const name = asText(at(item, "Name") ?? at(item, "key"));
    const value = at(item, "Value") ?? at(item, "value");
    if (name !== undefined && !out.has(name)) out.set(name, asText(value) ?? (isEmpty(value) ? "" : JSON.stringify(value)));
  }
  return out;
}
