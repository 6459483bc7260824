import type { EntityKind, EntityRef } from "../canonical";
import { cleanIp } from "../normalize";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Collects a record's entities; empty values are skipped, addresses cleaned, GUIDs lower-cased. */
export type EntityCollector = {
  add(kind: EntityKind, value: string | undefined, role: string): void;
  /** An address as found (`ip:port`, `[v6]:port`): added cleaned, or not at all when it is not an IP. */
  ip(value: string | undefined, role: string): void;
  readonly refs: EntityRef[];
};

export function collectEntities(): EntityCollector {
  const refs: EntityRef[] = [];
  return {
    add(kind, value, role) {
      const v = value?.trim();
      if (!v) return;
      // Session and token ids are case-sensitive (not lower-cased by the pipeline), but one GUID
      // written in two cases by two services is still one session.
      refs.push({ kind, value: GUID.test(v) ? v.toLowerCase() : v, role });
    },
    ip(value, role) {
      const v = cleanIp(value);
      if (v) refs.push({ kind: "ip", value: v, role });
    },
    refs,
  };
}

/** Two spellings of one account (UPNs differ in case between services). */
export function sameAccount(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}
