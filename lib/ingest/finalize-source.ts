import type { Db } from "@/lib/db";
import { dropStagingTable, stagingTable } from "./staging-table";

/** What the set-based move from staging into events did. */
export type FinalizeResult = { staged: number; imported: number; redacted: number; first: string | null; last: string | null };

// Fingerprint: the format's native id when it has one; otherwise the content hash plus how many
// times the same content occurred earlier in this file (two identical syslog lines stay two
// events, while the same line imported again from another file is a duplicate).
const FINGERPRINT = `CASE WHEN s.native_id IS NOT NULL THEN 'id:' || s.native_id
  ELSE 'h:' || s.content_hash || ':' || row_number() OVER (PARTITION BY s.content_hash ORDER BY s.line_number) END`;

const UTC_TEXT = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Moves a source's staged rows into events and completes the source, all in one transaction:
 * an import that dies before or during this leaves no events of this source behind.
 */
export async function finalizeSource(
  db: Db,
  args: { sourceId: string; incidentId: string; actorId: string; read: number; rejected: number; progress: Record<string, unknown> },
): Promise<FinalizeResult> {
  const t = `"${stagingTable(args.sourceId)}"`;
  return db.sql.transaction(async (tx) => {
    const [ins] = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO events (incident_id, source_id, occurred_at, timestamp_text, assumed_zone, timestamp_desc, action, category,
                             outcome, actor, host, src_ip, dst_ip, target, message, raw, line_number, fingerprint)
         SELECT $1, s.source_id, s.occurred_at, s.timestamp_text, s.assumed_zone, s.timestamp_desc, s.action, s.category,
                s.outcome, s.actor, s.host, s.src_ip, s.dst_ip, s.target, s.message, s.raw, s.line_number, ${FINGERPRINT}
         FROM ${t} s
         ON CONFLICT (incident_id, fingerprint) DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [args.incidentId],
    );
    // Findings belong to the events this import inserted (a duplicate's were recorded before).
    const [red] = await tx.query<{ n: number }>(
      `WITH fp AS (
         SELECT s.findings, ${FINGERPRINT} AS fingerprint FROM ${t} s
         WHERE s.native_id IS NOT NULL OR s.content_hash IN (SELECT content_hash FROM ${t} WHERE findings IS NOT NULL)
       ), ins AS (
         INSERT INTO redaction_findings (source_id, event_id, field, kind, hint)
         SELECT $2, e.id, f->>'field', f->>'kind', f->>'hint'
         FROM fp JOIN events e ON e.incident_id = $1 AND e.fingerprint = fp.fingerprint AND e.source_id = $2
         CROSS JOIN LATERAL jsonb_array_elements(fp.findings) f
         WHERE fp.findings IS NOT NULL
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [args.incidentId, args.sourceId],
    );
    const [stats] = await tx.query<{ staged: number; first: string | null; last: string | null }>(
      `SELECT count(*)::int AS staged, ${UTC_TEXT("min(occurred_at)")} AS first, ${UTC_TEXT("max(occurred_at)")} AS last FROM ${t}`,
    );
    const r: FinalizeResult = { staged: stats?.staged ?? 0, imported: ins?.n ?? 0, redacted: red?.n ?? 0, first: stats?.first ?? null, last: stats?.last ?? null };
    await dropStagingTable(tx, args.sourceId);
    await tx.query(
      `UPDATE sources SET status = 'complete', finished_at = now(), heartbeat_at = now(), error = NULL,
         read_count = $2, imported_count = $3, duplicate_count = $4, rejected_count = $5, redacted_count = $6,
         first_event_at = $7, last_event_at = $8, progress = $9
       WHERE id = $1`,
      [args.sourceId, args.read, r.imported, r.staged - r.imported, args.rejected, r.redacted, r.first, r.last, JSON.stringify(args.progress)],
    );
    await tx.query(
      `INSERT INTO audit_entries (actor_id, incident_id, action, entity_type, entity_id, after)
       SELECT $1, incident_id, 'source.import.complete', 'Source', id::text,
              jsonb_build_object('name', name, 'sha256', sha256, 'format', format, 'read', read_count, 'imported', imported_count,
                                 'duplicate', duplicate_count, 'rejected', rejected_count, 'redacted', redacted_count)
       FROM sources WHERE id = $2`,
      [args.actorId, args.sourceId],
    );
    return r;
  });
}
