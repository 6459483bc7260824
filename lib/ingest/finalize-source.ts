import type { Db } from "@/lib/db";
import type { SqlRunner } from "@/lib/db/sql";
import { attachBlock, blockBounds, blockTable, buildBlockIndexes, createLoadTables, dropBlock, takeEventBlock } from "./event-partitions";
import { importOutcome, type SourceOutcome } from "./import-outcome";
import { removeSourceEvents, restoreAnalystWork, saveAnalystWork, tidyTouchedEntities } from "./source-rows";
import { dropStagingTable, stagingTable } from "./staging-table";

/** What the set-based move from staging into events did. */
export type FinalizeResult = {
  staged: number;
  imported: number;
  redacted: number;
  first: string | null;
  last: string | null;
  /** "complete", or "empty"/"failed" with the reason when nothing could be stored. */
  outcome: SourceOutcome;
  /** The earlier reading this one replaced: its source, its events, and the annotations carried over or lost. */
  replaced: ReplacedReading | null;
};

export type ReplacedReading = { sourceId: string; events: number; annotationsCarried: number; annotationsLost: number };

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
  /** A complete source of the same bytes whose reading this one replaces (null: none). */
  replaces: string | null;
};

// Fingerprint: the format's native id when it has one; otherwise the content hash plus how many
// times the same content occurred earlier in this file (two identical syslog lines stay two
// events, while the same line imported again from another file is a duplicate). Computed once,
// into a narrow temp table, because inserting events, linking entities and recording findings
// all need it. Most content occurs once, so only the repeated hashes are sorted to be numbered.
const FINGERPRINTS = (t: string) => `
CREATE TEMP TABLE fp ON COMMIT DROP AS
WITH repeated AS MATERIALIZED (
  SELECT content_hash FROM ${t} WHERE native_id IS NULL GROUP BY content_hash HAVING count(*) > 1)
SELECT seq, true AS native, 'id:' || native_id AS fingerprint FROM ${t} WHERE native_id IS NOT NULL
UNION ALL
SELECT seq, false, 'h:' || content_hash || ':1' FROM ${t} s
WHERE native_id IS NULL AND NOT EXISTS (SELECT 1 FROM repeated r WHERE r.content_hash = s.content_hash)
UNION ALL
SELECT seq, false, 'h:' || content_hash || ':' || row_number() OVER (PARTITION BY content_hash ORDER BY line_number, seq)
FROM ${t} WHERE native_id IS NULL AND content_hash IN (SELECT content_hash FROM repeated)`;

// The rows that become events, with their ids: the first row of each fingerprint in this file
// (a native id can repeat within a file; content fingerprints are unique by construction),
// unless the incident already holds that fingerprint (the reading this one replaces aside: its
// events go at the end). Deciding this with one anti-join under the incident's import lock, then
// inserting plainly, costs a third of what INSERT … ON CONFLICT … RETURNING does row by row. The
// ids are the import's block of ids, in turn.
const NEW_ROWS = `
CREATE TEMP TABLE ins ON COMMIT DROP AS
SELECT $2::bigint + row_number() OVER () AS id, f.seq, f.fingerprint
FROM (SELECT seq, fingerprint FROM fp WHERE NOT native
      UNION ALL
      SELECT min(seq), fingerprint FROM fp WHERE native GROUP BY fingerprint) f
WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.incident_id = $1 AND e.fingerprint = f.fingerprint
                  AND e.source_id IS DISTINCT FROM $3::uuid)`;

const INSERT_EVENTS = (t: string, into: string) => `
INSERT INTO "${into}" (id, incident_id, source_id, occurred_at, timestamp_text, assumed_zone, timestamp_desc, action, category,
                    outcome, actor, host, src_ip, dst_ip, target, message, raw, fields, line_number, fingerprint)
SELECT i.id, $1, s.source_id, s.occurred_at, s.timestamp_text, s.assumed_zone, s.timestamp_desc, s.action, s.category,
       s.outcome, s.actor, s.host, s.src_ip, s.dst_ip, s.target, s.message, s.raw, s.fields, s.line_number, i.fingerprint
FROM ins i JOIN ${t} s USING (seq)`;

// Entities of the inserted events: created once per incident, linked per event with a role,
// and their first/last seen widened by these events. The references go to a temp table once,
// as both statements read them. A staged row's entities are distinct by (kind, value, role)
// (entitiesOf) and its event is new, so the links need neither DISTINCT nor ON CONFLICT.
const ENTITY_REFS = (t: string) => `
CREATE TEMP TABLE refs ON COMMIT DROP AS
SELECT i.id AS event_id, e->>'kind' AS kind, e->>'value' AS value, e->>'role' AS role, s.occurred_at
FROM ins i JOIN ${t} s USING (seq) CROSS JOIN LATERAL jsonb_array_elements(s.entities) e
WHERE s.entities IS NOT NULL`;

const UPSERT_ENTITIES = `
INSERT INTO entities AS en (incident_id, kind, value, first_seen_at, last_seen_at)
SELECT $1, kind, value, min(occurred_at), max(occurred_at) FROM refs GROUP BY kind, value
ON CONFLICT (incident_id, kind, value) DO UPDATE
  SET first_seen_at = LEAST(en.first_seen_at, EXCLUDED.first_seen_at), last_seen_at = GREATEST(en.last_seen_at, EXCLUDED.last_seen_at)`;

const LINK_ENTITIES = (into: string) => `
INSERT INTO "${into}" (incident_id, event_id, entity_id, role)
SELECT $1, r.event_id, en.id, r.role FROM refs r JOIN entities en ON en.incident_id = $1 AND en.kind = r.kind AND en.value = r.value`;

const RECORD_FINDINGS = (t: string) => `
WITH x AS (
  INSERT INTO redaction_findings (incident_id, source_id, event_id, field, kind, hint)
  SELECT $2, $1, ins.id, f->>'field', f->>'kind', f->>'hint'
  FROM ins JOIN ${t} s USING (seq) CROSS JOIN LATERAL jsonb_array_elements(s.findings) f
  WHERE s.findings IS NOT NULL
  RETURNING 1)
SELECT count(*)::int AS n FROM x`;

/**
 * Every row this transaction writes points at the incident and source (locked below), at events
 * it inserts itself, or at entities its upsert just wrote or locked: the foreign keys hold by
 * construction. Checking them row by row (several million trigger queries for a large file)
 * was a third of the finalize, so where the role may, the checks are switched off for this
 * transaction only (what pg_restore --disable-triggers does); the key-share locks taken here
 * are the ones those checks would take, so a concurrent delete still waits.
 */
async function skipForeignKeyChecks(tx: SqlRunner, args: FinalizeArgs): Promise<boolean> {
  const incident = await tx.query(`SELECT 1 FROM incidents WHERE id = $1 FOR KEY SHARE`, [args.incidentId]);
  const source = await tx.query(`SELECT 1 FROM sources WHERE id = $1 FOR KEY SHARE`, [args.sourceId]);
  // What the skipped checks would have refused: the incident or source deleted while reading.
  if (incident.length === 0) throw new Error(`incident ${args.incidentId} no longer exists`);
  if (source.length === 0) throw new Error(`source ${args.sourceId} no longer exists`);
  await tx.exec(`SAVEPOINT replica_role`);
  try {
    await tx.exec(`SET LOCAL session_replication_role = replica`);
    await tx.exec(`RELEASE SAVEPOINT replica_role`);
    return true;
  } catch {
    // Not a superuser and not granted SET on the parameter: the checks stay on, only slower.
    await tx.exec(`ROLLBACK TO SAVEPOINT replica_role`);
    return false;
  }
}

async function completeSource(tx: SqlRunner, args: FinalizeArgs, r: FinalizeResult, outcome: SourceOutcome): Promise<void> {
  await tx.query(
    `UPDATE sources SET status = $10::source_status, finished_at = now(), heartbeat_at = now(), error = $11,
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
      outcome.status,
      outcome.reason,
    ],
  );
  await tx.query(
    `INSERT INTO audit_entries (actor_id, incident_id, action, entity_type, entity_id, after)
     SELECT $1, incident_id, 'source.import.' || $3, 'Source', id::text,
            jsonb_build_object('name', name, 'sha256', sha256, 'format', format, 'read', read_count, 'imported', imported_count,
                               'duplicate', duplicate_count, 'rejected', rejected_count, 'redacted', redacted_count, 'reason', error)
     FROM sources WHERE id = $2`,
    [args.actorId, args.sourceId, outcome.status],
  );
}

/**
 * After the new reading's events are in: the analysts' work goes back on the same records, the
 * earlier source's gaps move to the new one, the earlier source is deleted, and the replacement
 * is audited with what came over and what was lost.
 */
async function completeReplacement(tx: SqlRunner, args: FinalizeArgs, replaces: string, events: number): Promise<ReplacedReading> {
  const { carried, lost, lostAnnotations } = await restoreAnalystWork(tx, args.incidentId, args.sourceId);
  await tidyTouchedEntities(tx, args.incidentId);
  await tx.query(`UPDATE gaps SET source_id = $1 WHERE source_id = $2`, [args.sourceId, replaces]);
  const [old] = await tx.query<{ name: string; options: unknown }>(`DELETE FROM sources WHERE id = $1 RETURNING name, options`, [replaces]);
  await tx.query(
    `INSERT INTO audit_entries (actor_id, incident_id, action, entity_type, entity_id, before, after)
     VALUES ($1, $2, 'source.replace', 'Source', $3, $4, $5)`,
    [
      args.actorId,
      args.incidentId,
      args.sourceId,
      JSON.stringify({ sourceId: replaces, name: old?.name, options: old?.options, events, lostAnnotations }),
      JSON.stringify({ sourceId: args.sourceId, annotationsCarried: carried, annotationsLost: lost }),
    ],
  );
  return { sourceId: replaces, events, annotationsCarried: carried, annotationsLost: lost };
}

/**
 * The staged rows that are new become events in the import's own tables: loaded with no index,
 * indexed over the whole load, then attached to the incident's (an import that adds nothing
 * attaches nothing). Entities are upserted and linked on the way. Returns the events added.
 */
async function loadEvents(tx: SqlRunner, args: FinalizeArgs, t: string, replaces: string | null): Promise<number> {
  const block = await takeEventBlock(tx);
  await createLoadTables(tx, args.incidentId, block);
  // Temp tables have no statistics until analysed, and without them the planner sorts every
  // wide staged row for a merge join instead of hashing the narrow side.
  await tx.exec(FINGERPRINTS(t));
  await tx.query(NEW_ROWS, [args.incidentId, blockBounds(block).from.toString(), replaces]);
  await tx.exec(`ANALYZE ins`);
  await tx.query(INSERT_EVENTS(t, blockTable("events", block)), [args.incidentId]);
  const [ins] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ins`);
  if (!ins?.n) {
    await dropBlock(tx, args.incidentId, block);
    return 0;
  }
  await tx.exec(`${ENTITY_REFS(t)}; ANALYZE refs`);
  await tx.query(UPSERT_ENTITIES, [args.incidentId]);
  await tx.query(LINK_ENTITIES(blockTable("event_entities", block)), [args.incidentId]);
  await buildBlockIndexes(tx, block);
  await attachBlock(tx, args.incidentId, block);
  await tx.query(`UPDATE sources SET event_block = $2 WHERE id = $1`, [args.sourceId, block.toString()]);
  return ins.n;
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
    // JIT compiles each of these statements for a fraction of a second and saves nothing on
    // plans that are one big scan-and-write each.
    await tx.exec(`SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL jit = off`);
    // One import into an incident decides what is new at a time, so the anti-join stays true.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('chainline.import'), hashtext($1))", [args.incidentId]);
    // A new reading that stores nothing replaces nothing: the earlier one stays.
    const replaces = args.staged > 0 ? args.replaces : null;
    // The analysts' work on the earlier reading, kept aside by fingerprint (its events go last).
    if (replaces) await saveAnalystWork(tx, args.incidentId, replaces);
    const checksOff = await skipForeignKeyChecks(tx, args);
    const imported = args.staged > 0 ? await loadEvents(tx, args, t, replaces) : 0;
    const [red] = args.hasFindings ? await tx.query<{ n: number }>(RECORD_FINDINGS(t), [args.sourceId, args.incidentId]) : [{ n: 0 }];
    // The bulk rows are in; the last few writes (the source, its audit entry) are checked as usual.
    if (checksOff) await tx.exec(`SET LOCAL session_replication_role = origin`);
    // The earlier reading's tables go only now, so its incident's events are held against reads for the drop alone.
    const removed = replaces ? await removeSourceEvents(tx, args.incidentId, replaces, { tidyLater: true }) : null;
    const replaced = replaces && removed ? await completeReplacement(tx, args, replaces, removed.events) : null;
    const outcome = await importOutcome(tx, args.sourceId, { read: args.read, staged: args.staged, rejected: args.rejected });
    const r: FinalizeResult = {
      staged: args.staged,
      imported,
      redacted: red?.n ?? 0,
      first: args.first,
      last: args.last,
      outcome,
      replaced,
    };
    await dropStagingTable(tx, args.sourceId);
    await completeSource(tx, args, r, outcome);
    return r;
  });
}
