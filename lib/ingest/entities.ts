import type { EntityKind, EntityRef, EventDraft } from "./canonical";
import { cleanIp } from "./clean-ip";

/** Kinds compared without case: an address or host name is the same entity in any case. */
const CASELESS: ReadonlySet<EntityKind> = new Set(["account", "mailbox", "host", "tenant", "app"]);
const MAX_ENTITIES = 64;
const MAX_VALUE = 512;

// What Postgres text cannot hold (NUL, a surrogate without its pair) is stored as U+FFFD; the
// value is made so here, before values are compared, or two values that differ only there
// would become one entity linked twice to the same event.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL must be found to be replaced
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One entity value as stored: trimmed, lower-cased where case does not matter, bounded. */
export function normalizeEntityValue(kind: EntityKind, value: string): string | null {
  // Any IP a format names is stored the way the src/dst columns are: no port, brackets or zone.
  const v = (kind === "ip" ? (cleanIp(value) ?? "") : value.trim()).replace(UNSTORABLE, "\uFFFD");
  if (v === "" || v === "-" || v.length > MAX_VALUE) return null;
  return CASELESS.has(kind) ? v.toLowerCase() : v;
}

/** The record's entities: its actor, host and IPs, plus what the format found, deduplicated. */
export function entitiesOf(draft: EventDraft, srcIp: string | null, dstIp: string | null): EntityRef[] {
  const refs: EntityRef[] = [];
  if (draft.actor) refs.push({ kind: "account", value: draft.actor, role: "actor" });
  if (draft.host) refs.push({ kind: "host", value: draft.host, role: "host" });
  if (srcIp) refs.push({ kind: "ip", value: srcIp, role: "src" });
  if (dstIp) refs.push({ kind: "ip", value: dstIp, role: "dst" });
  if (draft.entities) refs.push(...draft.entities);
  const seen = new Set<string>();
  const out: EntityRef[] = [];
  for (const r of refs) {
    const value = normalizeEntityValue(r.kind, r.value);
    if (value === null) continue;
    const key = `${r.kind}\u0000${value}\u0000${r.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: r.kind, value, role: r.role });
    if (out.length === MAX_ENTITIES) break;
  }
  return out;
}
