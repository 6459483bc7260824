import { hash } from "node:crypto";
import type { EventDraft, ParsedRecord, RecordMapper } from "./canonical";
import { cleanIp } from "./clean-ip";
import { copyRow } from "./copy-format";

export { cleanIp };

import { createDraftTimeReader } from "./draft-time";
import { entitiesOf } from "./entities";
import type { TImportOptions } from "./import-options";
import { type RedactionFinding, redactValue } from "./redact/redact";
import { formatEpochUs } from "./time/parse-timestamp";

/** Columns of an import's events table (events_b<N>), in the order createNormalizer encodes them. */
export const LOAD_COLUMNS = [
  "id",
  "incident_id",
  "source_id",
  "line_number",
  "occurred_at",
  "timestamp_text",
  "assumed_zone",
  "timestamp_desc",
  "action",
  "category",
  "outcome",
  "actor",
  "host",
  "src_ip",
  "dst_ip",
  "target",
  "message",
  "raw",
  "fields",
  "fingerprint",
] as const;

/** Columns of an import's entity references (event_refs_b<N>): one row per entity an event names. */
export const REF_COLUMNS = ["event_id", "kind", "value", "role", "occurred_at"] as const;

/** Columns of an import's redaction findings (event_findings_b<N>). */
export const FINDING_COLUMNS = ["event_id", "field", "kind", "hint"] as const;

/** The message column feeds full-text search, which caps a document at 1 MB; raw keeps it all. */
const MESSAGE_MAX = 32_000;

// jsonb refuses \u0000 and an escaped surrogate without its pair ("\ud800" alone); neither can be
// stored, so each becomes U+FFFD (an escaped backslash before "u…" is text, not an escape,
// hence the even-backslash guard). JSON.stringify writes a lone surrogate of a parsed string
// back as such an escape.
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;
const LONE_HIGH_ESCAPE = /(?<!\\)((?:\\\\)*)\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})/g;
const LONE_LOW_ESCAPE = /(?<!\\u[dD][89abAB][0-9a-fA-F]{2})(?<!\\)((?:\\\\)*)\\u[dD][c-fC-F][0-9a-fA-F]{2}/g;

export function jsonForPostgres(json: string): string {
  if (!json.includes("\\u")) return json;
  return json.replace(NUL_ESCAPE, "$1\\ufffd").replace(LONE_HIGH_ESCAPE, "$1\\ufffd").replace(LONE_LOW_ESCAPE, "$1\\ufffd");
}

/** Fingerprint input: a short, collision-safe hash of the record's own text. */
export function contentHash(text: string): string {
  // The one-shot hash: a Hash object per record cost twice as much (0.7 µs a record more here).
  return hash("sha256", text, "base64url").slice(0, 22);
}

/** A record's fields as they are stored: with secrets masked first (findings appended) when redaction is on. */
export function redactedRaw(raw: Record<string, unknown>, redact: boolean, findings: RedactionFinding[]): Record<string, unknown> {
  return redact ? (redactValue(raw, "raw", findings) as Record<string, unknown>) : raw;
}

/** Why a record that made a mapper or the redactor throw is rejected (it is that line's problem, never the import's). */
export function unreadableRecord(err: unknown): { error: string } {
  return { error: `cannot read this record: ${(err as Error).message}` };
}

export type NormalizeResult =
  | {
      row: string;
      refs: string;
      findingRows: string;
      /** The event's id less the block's first: which chunk of the import's table it goes to (stage-writer.ts). */
      offset: number;
      epochUs: number;
      findings: number;
      yearInferred: boolean;
    }
  | { error: string };

/**
 * Turns records of one source into COPY rows for the import's own tables: the event (its id the
 * next of the import's block, in the order records are read), the entities it names, and the
 * secrets masked in it. Its fingerprint is the format's native id, or its content hash numbered 1:
 * the final step renumbers content that repeats within the file, which it finds in one pass.
 */
export function createNormalizer(
  ids: { incidentId: string; sourceId: string; firstId: bigint },
  mapper: RecordMapper,
  options: TImportOptions,
) {
  const { incidentId, sourceId, firstId } = ids;
  const readTime = createDraftTimeReader(options);
  let seq = 0n;
  return (record: ParsedRecord): NormalizeResult => {
    const findings: RedactionFinding[] = [];
    const raw = redactedRaw(record.raw, options.redact, findings);
    const mapped = mapper(raw);
    if ("error" in mapped) return mapped;
    const draft: EventDraft = mapped;
    const t = readTime(draft);
    if ("error" in t) return { error: `${t.error}: "${t.text.slice(0, 80)}"` };

    const rawJson = findings.length === 0 && record.isRawTextJson ? record.rawText : JSON.stringify(raw);
    const message = draft.message.length > MESSAGE_MAX ? `${draft.message.slice(0, MESSAGE_MAX)}…` : draft.message;
    const srcIp = cleanIp(draft.srcIp);
    const dstIp = cleanIp(draft.dstIp);
    const entities = entitiesOf(draft, srcIp, dstIp);
    const offset = seq;
    const id = String(firstId + offset);
    seq += 1n;
    const occurredAt = formatEpochUs(t.epochUs);
    const row = copyRow([
      id,
      incidentId,
      sourceId,
      record.line,
      occurredAt,
      t.text,
      t.assumedZone,
      draft.timestampDesc ?? "Event Time",
      draft.action,
      draft.category,
      draft.outcome,
      draft.actor,
      draft.host,
      srcIp,
      dstIp,
      draft.target,
      message,
      jsonForPostgres(rawJson),
      draft.fields ? jsonForPostgres(JSON.stringify(draft.fields)) : null,
      draft.nativeId != null ? `id:${draft.nativeId}` : `h:${contentHash(record.rawText)}:1`,
    ]);
    let refs = "";
    for (const e of entities) refs += copyRow([id, e.kind, e.value, e.role, occurredAt]);
    let findingRows = "";
    for (const f of findings) findingRows += copyRow([id, f.field, f.kind, f.hint]);
    return {
      row,
      refs,
      findingRows,
      offset: Number(offset),
      epochUs: t.epochUs,
      findings: findings.length,
      yearInferred: t.yearSource === "inferred",
    };
  };
}
