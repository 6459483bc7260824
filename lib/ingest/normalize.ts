import { createHash } from "node:crypto";
import type { EventDraft, ParsedRecord, RecordMapper } from "./canonical";
import { cleanIp } from "./clean-ip";
import { copyRow } from "./copy-format";

export { cleanIp };

import { createDraftTimeReader } from "./draft-time";
import { entitiesOf } from "./entities";
import type { TImportOptions } from "./import-options";
import { type RedactionFinding, redactValue } from "./redact/redact";
import { formatEpochUs } from "./time/parse-timestamp";

/** Columns of event_staging, in the order normalizeRecord encodes them. */
export const STAGING_COLUMNS = [
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
  "native_id",
  "content_hash",
  "findings",
  "seq",
  "entities",
  "fields",
] as const;

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
  return createHash("sha256").update(text).digest("base64url").slice(0, 22);
}

/** A record's fields as they are stored: with secrets masked first (findings appended) when redaction is on. */
export function redactedRaw(raw: Record<string, unknown>, redact: boolean, findings: RedactionFinding[]): Record<string, unknown> {
  return redact ? (redactValue(raw, "raw", findings) as Record<string, unknown>) : raw;
}

/** Why a record that made a mapper or the redactor throw is rejected (it is that line's problem, never the import's). */
export function unreadableRecord(err: unknown): { error: string } {
  return { error: `cannot read this record: ${(err as Error).message}` };
}

export type NormalizeResult = { row: string; epochUs: number; findings: number; yearInferred: boolean } | { error: string };

/** Turns records of one source into COPY rows for event_staging. */
export function createNormalizer(sourceId: string, mapper: RecordMapper, options: TImportOptions) {
  const readTime = createDraftTimeReader(options);
  let seq = 0;
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
    seq += 1;
    const row = copyRow([
      sourceId,
      record.line,
      formatEpochUs(t.epochUs),
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
      draft.nativeId,
      contentHash(record.rawText),
      findings.length ? jsonForPostgres(JSON.stringify(findings)) : null,
      seq,
      entities.length ? jsonForPostgres(JSON.stringify(entities)) : null,
      draft.fields ? jsonForPostgres(JSON.stringify(draft.fields)) : null,
    ]);
    return { row, epochUs: t.epochUs, findings: findings.length, yearInferred: t.yearSource === "inferred" };
  };
}
