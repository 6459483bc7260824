import type { SqlRunner } from "@/lib/db/sql";
import { type Deduped, dropTempTables, recordFindings } from "./finalize-load";
import type { FinalizeArgs, FinalizeResult, ReplacedReading } from "./finalize-source";
import { importOutcome, type SourceOutcome } from "./import-outcome";
import { removeSourceEvents, restoreAnalystWork, tidyTouchedEntities } from "./source-rows";

// The fingerprints are grouped in one hash of every row, and the indexes are built by sorts: give them
// memory instead of disk. JIT compiles each of these statements for a fraction of a second and
// saves nothing on plans that are one big scan-and-write each.
export const FINALIZE_SETTINGS = `SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL jit = off`;

/** The incident's import lock ($1: the incident): one import decides what is new in it at a time, so the anti-join stays true. */
export const importLockKey = "hashtext('chainline.import'), hashtext($1)";

/**
 * Every row this transaction writes points at the incident and source (locked below), at events
 * it inserts itself, or at entities its upsert just wrote or locked: the foreign keys hold by
 * construction. Checking them row by row (several million trigger queries for a large file)
 * was a third of the finalize, so where the role may, the checks are switched off for this
 * transaction only (what pg_restore --disable-triggers does); the key-share locks taken here
 * are the ones those checks would take, so a concurrent delete still waits.
 */
export async function skipForeignKeyChecks(tx: SqlRunner, args: FinalizeArgs): Promise<boolean> {
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
 * What follows the load in the final transaction: the redactions recorded, the earlier reading
 * (if this one replaces it) dropped with the analysts' work carried over, and the source
 * completed with its counts and audit entry.
 */
export async function finishSource(
  tx: SqlRunner,
  args: FinalizeArgs,
  load: Deduped | null,
  step: { checksOff: boolean; replaces: string | null },
): Promise<FinalizeResult> {
  const imported = load?.imported ?? 0;
  const redacted = load && imported ? await recordFindings(tx, args, load) : 0;
  // The bulk rows are in; the last few writes (the source, its audit entry) are checked as usual.
  if (step.checksOff) await tx.exec(`SET LOCAL session_replication_role = origin`);
  // The earlier reading's tables go only now, so its incident's events are held against reads for the drop alone.
  const { replaces } = step;
  const removed = replaces ? await removeSourceEvents(tx, args.incidentId, replaces, { tidyLater: true }) : null;
  const replaced = replaces && removed ? await completeReplacement(tx, args, replaces, removed.events) : null;
  const outcome = await importOutcome(tx, args.sourceId, { read: args.read, staged: args.staged, rejected: args.rejected });
  const r: FinalizeResult = {
    staged: args.staged,
    imported,
    redacted,
    first: args.first,
    last: args.last,
    outcome,
    replaced,
  };
  await dropTempTables(tx);
  await completeSource(tx, args, r, outcome);
  return r;
}
