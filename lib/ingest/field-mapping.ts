import { z } from "zod";
import type { EntityKind, EntityRef, EventDraft, RecordMapper } from "./canonical";

/** Canonical fields a mapping can fill from a column or JSON path. */
export const MAPPABLE_FIELDS = [
  "time",
  "message",
  "timestampDesc",
  "action",
  "category",
  "outcome",
  "actor",
  "host",
  "srcIp",
  "dstIp",
  "target",
  "id",
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Which source field fills which canonical field; the CLI's --map and the upload form give it. */
export const ZFieldMapping = z.object(
  Object.fromEntries(MAPPABLE_FIELDS.map((f) => [f, z.string().trim().min(1).optional()])) as Record<
    MappableField,
    z.ZodOptional<z.ZodString>
  >,
);
export type FieldMapping = Partial<Record<MappableField, string>>;

/** Parses "time=Date,message=Text,actor=User" (the CLI's --map). */
export function parseMappingFlag(text: string): FieldMapping {
  const out: Record<string, string> = {};
  for (const pair of text.split(",").filter((p) => p.trim())) {
    const eq = pair.indexOf("=");
    const key = pair.slice(0, eq).trim();
    if (eq < 1 || !(MAPPABLE_FIELDS as readonly string[]).includes(key)) {
      // A ZodError, like every other bad input: the API answers 422 and the CLI names the field.
      throw new z.ZodError([
        { code: "custom", path: ["map"], message: `"${pair}" is not field=column (fields: ${MAPPABLE_FIELDS.join(", ")})`, input: pair },
      ]);
    }
    out[key] = pair.slice(eq + 1).trim();
  }
  return ZFieldMapping.parse(out);
}

// Names tools commonly use for each field, compared after lower-casing and dropping
// everything but letters and digits ("TimeGenerated [UTC]" → "timegeneratedutc" → also "timegenerated").
const CANDIDATES: Record<Exclude<MappableField, "id">, string[]> = {
  time: [
    "@timestamp",
    "timestamp",
    "datetime",
    "time",
    "timegenerated",
    "timecreated",
    "creationtime",
    "creationdate",
    "createddatetime",
    "eventtime",
    "ts",
    "date",
    "utctime",
    "_time",
    "createdat",
    "loggedat",
    "eventdate",
  ],
  message: ["message", "msg", "description", "text", "summary", "log", "details"],
  timestampDesc: ["timestampdesc", "timestamp_desc"],
  action: ["action", "operation", "operationname", "eventname", "event", "eventtype", "activity", "eventid"],
  category: ["category", "recordtype", "datatype", "channel", "type", "logtype"],
  outcome: ["outcome", "result", "resultstatus", "resulttype", "status"],
  actor: [
    "actor",
    "userprincipalname",
    "user",
    "username",
    "userid",
    "account",
    "accountname",
    "subjectusername",
    "targetusername",
    "srcuser",
    "principal",
    "identity",
  ],
  host: ["host", "hostname", "computer", "computername", "devicename", "device", "machine", "workstation"],
  srcIp: ["srcip", "sourceip", "clientip", "ipaddress", "clientipaddress", "remoteaddr", "remoteip", "sourceipaddress", "src", "callerip"],
  dstIp: ["dstip", "destip", "destinationip", "destinationipaddress", "serverip", "dst"],
  target: ["target", "object", "objectid", "resource", "targetfilename", "file", "path", "url"],
};

function squash(key: string): string {
  return key
    .toLowerCase()
    .replace(/[^a-z0-9@_]/g, "")
    .replace(/_/g, "");
}

/** Guesses a mapping from the keys of the first records; an explicit mapping wins field by field. */
export function guessMapping(keys: readonly string[], explicit: FieldMapping = {}): FieldMapping {
  const byName = new Map<string, string>();
  for (const k of keys) {
    const s = squash(k);
    if (!byName.has(s)) byName.set(s, k);
    const noUtc = s.replace(/utc$/, "");
    if (!byName.has(noUtc)) byName.set(noUtc, k);
  }
  const out: FieldMapping = {};
  for (const [field, names] of Object.entries(CANDIDATES) as [Exclude<MappableField, "id">, string[]][]) {
    for (const n of names) {
      const hit = byName.get(squash(n));
      if (hit) {
        out[field] = hit;
        break;
      }
    }
  }
  return { ...out, ...explicit };
}

/** Reads a value by exact key, else by dotted path into nested objects. */
export function getField(raw: Record<string, unknown>, key: string): unknown {
  if (key in raw) return raw[key];
  let cur: unknown = raw;
  for (const part of key.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function text(v: unknown): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A message for records without one: "action by actor from srcIp on target" when those are
 * mapped, else "key=value …" of the first informative fields (ids and empty cells skipped).
 */
function composeMessage(raw: Record<string, unknown>, mapping: FieldMapping): string {
  const v = (f: MappableField) => (mapping[f] ? text(getField(raw, mapping[f] as string)) : undefined);
  const action = v("action");
  if (action) {
    const parts = [action, v("actor") && `by ${v("actor")}`, v("srcIp") && `from ${v("srcIp")}`, v("target") && `on ${v("target")}`];
    return parts.filter(Boolean).join(" ").slice(0, 500);
  }
  const parts: string[] = [];
  for (const [k, val] of Object.entries(raw)) {
    if (k === mapping.time || val === null || val === "" || typeof val === "object" || GUID.test(String(val))) continue;
    parts.push(`${k}=${String(val)}`);
    if (parts.length === 8) break;
  }
  return parts.join(" ").slice(0, 500);
}

const FILE_COLUMNS = new Set(["file", "path", "filepath", "filename", "targetfilename"]);

/** Top-level columns that name a key, an app, a session, a mailbox or an address in any log: what ties evidence together. */
const ENTITY_COLUMNS: Readonly<Record<string, EntityKind>> = {
  kid: "key",
  keyid: "key",
  signingkeyid: "key",
  appid: "app",
  applicationid: "app",
  clientappid: "app",
  sessionid: "session",
  logonid: "session",
  mailboxownerupn: "mailbox",
  ip: "ip",
};

function entitiesFromColumns(raw: Record<string, unknown>): EntityRef[] {
  const out: EntityRef[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const kind = ENTITY_COLUMNS[squash(key)];
    if (!kind || (typeof value !== "string" && typeof value !== "number")) continue;
    out.push({ kind, value: String(value), role: squash(key) === "clientappid" ? "client-app" : kind === "key" ? "signing-key" : kind });
  }
  return out;
}

/** A mapper that reads each canonical field from the mapped source field. */
export function mapperFromMapping(mapping: FieldMapping): RecordMapper {
  const timeKey = mapping.time;
  // A column named like "TimeGenerated [UTC]" states its zone: nothing is assumed then.
  const isZoneStated = Boolean(timeKey && /\butc\b/i.test(timeKey));
  return (raw) => {
    if (!timeKey) return { error: "no time field: map one (the import form's Time field, or --map time=<field>)" };
    const t = getField(raw, timeKey);
    if (t === undefined || t === null || t === "") return { error: `no value in time field "${timeKey}"` };
    const draft: EventDraft = {
      time: typeof t === "number" ? t : String(t),
      isZoneStated,
      message: (mapping.message && text(getField(raw, mapping.message))) ?? composeMessage(raw, mapping),
    };
    for (const f of ["timestampDesc", "action", "category", "outcome", "actor", "host", "srcIp", "dstIp", "target"] as const) {
      const key = mapping[f];
      if (key) draft[f] = text(getField(raw, key));
    }
    if (mapping.id) draft.nativeId = text(getField(raw, mapping.id));
    const entities = entitiesFromColumns(raw);
    // A target read from a file or path column is a file: the chain ties evidence by the files it touches.
    if (draft.target && mapping.target && FILE_COLUMNS.has(squash(mapping.target))) {
      entities.push({ kind: "file", value: draft.target, role: "target" });
    }
    if (entities.length > 0) draft.entities = entities;
    return draft;
  };
}
