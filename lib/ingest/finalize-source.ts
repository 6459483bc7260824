import type { Db } from "@/lib/db";
import type { SqlRunner } from "@/lib/db/sql";
import { dropStagingTable, stagingTable } from "./staging-table";

/** What the set-based move from staging into events did. */
export type FinalizeResult = { staged: number; imported: number; redacted: number; first: string | null; last: string | null };

export type FinalizeArgs = {
  sourceId: string;
  incidentId: string;
  actorId: string;
  read: number;
  rejected: number;
  /** Rows staged, their first and last instants (UTC ISO), and whether any carried findings: known to the writer, so no scan. */
  staged: number;
  first: string | null;
  last: string | null;
  hasFindings: boolean;
  progress: Record<string, unknown>;
};

// Fingerprint: the format's native id when it has one; otherwise the content hash plus how many
// times the same content occurred earlier in this file (two identical syslog lines stay two
// events, while the same line imported again from another file is a duplicate). Computed once,
// into a narrow temp table, because inserting events, linking entities and recording findings
// all need it.
const FINGERPRINTS = (t: string) => `
CREATE TEMP TABLE fp ON COMMIT DROP AS
SELECT s.seq, CASE WHEN s.native_id IS NOT NULL THEN 'id:' || s.native_id
  ELSE 'h:' || s.content_hash || ':' || row_number() OVER (PARTITION BY s.content_hash ORDER BY s.line_number) END AS fingerprint
FROM ${t} s`;

const INSERT_EVENTS = (t: string) => `
WITH x AS (
  INSERT INTO events (incident_id, source_id, occurred_at, timestamp_text, assumed_zone, timestamp_desc, action, category,
                      outcome, actor, host, src_ip, dst_ip, target, message, raw, line_number, fingerprint)
  SELECT $1, s.source_id, s.occurred_at, s.timestamp_text, s.assumed_zone, s.timestamp_desc, s.action, s.category,
         s.outcome, s.actor, s.host, s.src_ip, s.dst_ip, s.target, s.message, s.raw, s.line_number, fp.fingerprint
  FROM ${t} s JOIN fp USING (seq)
  ON CONFLICT (incident_id, fingerprint) DO NOTHING
  RETURNING id, fingerprint)
INSERT INTO ins (id, seq) SELECT x.id, fp.seq FROM x JOIN fp USING (fingerprint)`;

// Entities of the inserted events: created once per incident, linked per event with a role,
// and their first/last seen widened by these events.
const LINK_ENTITIES = (t: string) => `
WITH refs AS (
  SELECT ins.id AS event_id, e->>'kind' AS kind, e->>'value' AS value, e->>'role' AS role, s.occurred_at
  FROM ins JOIN ${t} s USING (seq) CROSS JOIN LATERAL jsonb_array_elements(s.entities) e
  WHERE s.entities IS NOT NULL
), upsert AS (
  INSERT INTO entities AS en (incident_id, kind, value, first_seen_at, last_seen_at)
  SELECT $1, kind, value, min(occurred_at), max(occurred_at) FROM refs GROUP BY kind, value
  ON CONFLICT (incident_id, kind, value) DO UPDATE
    SET first_seen_at = LEAST(en.first_seen_at, EXCLUDED.first_seen_at), last_seen_at = GREATEST(en.last_seen_at, EXCLUDED.last_seen_at)
  RETURNING id, kind, value
)
INSERT INTO event_entities (event_id, entity_id, role)
SELECT DISTINCT refs.event_id, upsert.id, refs.role FROM refs JOIN upsert USING (kind, value)
ON CONFLICT DO NOTHING`;

const RECORD_FINDINGS = (t: string) => `
WITH x AS (
  INSERT INTO redaction_findings (source_id, event_id, field, kind, hint)
  SELECT $1, ins.id, f->>'field', f->>'kind', f->>'hint'
  FROM ins JOIN ${t} s USING (seq) CROSS JOIN LATERAL jsonb_array_elements(s.findings) f
  WHERE s.findings IS NOT NULL
  RETURNING 1)
SELECT count(*)::int AS n FROM x`;

async function completeSource(tx: SqlRunner, args: FinalizeArgs, r: FinalizeResult): Promise<void> {
  await tx.query(
    `UPDATE sources SET status = 'complete', finished_at = now(), heartbeat_at = now(), error = NULL,
       read_count = $2, imported_count = $3, duplicate_count = $4, rejected_count = $5, redacted_count = $6,
       first_event_at = $7, last_event_at = $8, progress = $9
     WHERE id = $1`,
    [
      args.sourceId,
      args.read,
      r.imported,
      r.staged - r.imported,
      args.rejected,
      r.redacted,
      r.first,
      r.last,
      JSON.stringify(args.progress),
    ],
  );
  await tx.query(
    `INSERT INTO audit_entries (actor_id, incident_id, action, entity_type, entity_id, after)
     SELECT $1, incident_id, 'source.import.complete', 'Source', id::text,
            jsonb_build_object('name', name, 'sha256', sha256, 'format', format, 'read', read_count, 'imported', imported_count,
                               'duplicate', duplicate_count, 'rejected', rejected_count, 'redacted', redacted_count)
     FROM sources WHERE id = $2`,
    [args.actorId, args.sourceId],
  );
}

/**
 * Moves a source's staged rows into events, links their entities, records their redactions
 * and completes the source, all in one transaction: an import that dies before or during this
 * leaves no events of this source behind.
 */
export async function finalizeSource(db: Db, args: FinalizeArgs): Promise<FinalizeResult> {
  const t = `"${stagingTable(args.sourceId)}"`;
  return db.sql.transaction(async (tx) => {
    // The fingerprint's window sorts every staged row; give the sort memory instead of disk.
    await tx.query(`SET LOCAL work_mem = '256MB'`);
    await tx.exec(`${FINGERPRINTS(t)}; CREATE TEMP TABLE ins (id BIGINT, seq BIGINT) ON COMMIT DROP`);
    await tx.query(INSERT_EVENTS(t), [args.incidentId]);
    const [ins] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ins`);
    await tx.query(LINK_ENTITIES(t), [args.incidentId]);
    const [red] = args.hasFindings ? await tx.query<{ n: number }>(RECORD_FINDINGS(t), [args.sourceId]) : [{ n: 0 }];
    const r: FinalizeResult = { staged: args.staged, imported: ins?.n ?? 0, redacted: red?.n ?? 0, first: args.first, last: args.last };
    await dropStagingTable(tx, args.sourceId);
    await completeSource(tx, args, r);
    return r;
  });
}
