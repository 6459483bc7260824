import type { Db } from "@/lib/db";
import { dropLeftoverBlock } from "./event-partitions";
import { linkIndexAttach, loadNewEvents } from "./finalize-load";
import { finalizeOverlapped } from "./finalize-overlap";
import { FINALIZE_SETTINGS, finishSource, importLockKey, skipForeignKeyChecks } from "./finalize-steps";
import type { SourceOutcome } from "./import-outcome";
import { saveAnalystWork } from "./source-rows";
import { stagingTable } from "./staging-table";

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

/**
 * Moves a source's staged rows into events, links their entities, records their redactions and
 * completes the source; an import that dies before or during this leaves no events of this
 * source where any query sees them. On a Postgres server with rows to load, two transactions
 * that keep both cores busy (finalize-overlap.ts); otherwise (the embedded database has one
 * connection) one.
 */
export async function finalizeSource(db: Db, args: FinalizeArgs): Promise<FinalizeResult> {
  const staging = `"${stagingTable(args.sourceId)}"`;
  if (db.sql.session && args.staged > 0) return finalizeOverlapped(db, db.sql.session, args, staging);
  return db.sql.transaction(async (tx) => {
    await tx.exec(FINALIZE_SETTINGS);
    await tx.query(`SELECT pg_advisory_xact_lock(${importLockKey})`, [args.incidentId]);
    await dropLeftoverBlock(tx, args.incidentId, args.sourceId);
    // A new reading that stores nothing replaces nothing: the earlier one stays.
    const replaces = args.staged > 0 ? args.replaces : null;
    // The analysts' work on the earlier reading, kept aside by fingerprint (its events go last).
    if (replaces) await saveAnalystWork(tx, args.incidentId, replaces);
    const checksOff = await skipForeignKeyChecks(tx, args);
    const { block, imported } = args.staged > 0 ? await loadNewEvents(tx, args, staging, replaces) : { block: 0n, imported: 0 };
    if (imported) await linkIndexAttach(tx, args, staging, block, "here");
    return finishSource(tx, args, staging, { imported, checksOff, replaces });
  });
}
