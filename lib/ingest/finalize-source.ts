import type { Db } from "@/lib/db";
import { blockIndexStatements, dropLeftoverBlock } from "./event-partitions";
import { dedupeLoad, linkIndexAttach } from "./finalize-load";
import { finalizeOverlapped } from "./finalize-overlap";
import { FINALIZE_SETTINGS, finishSource, importLockKey, skipForeignKeyChecks } from "./finalize-steps";
import type { SourceOutcome } from "./import-outcome";
import { saveAnalystWork } from "./source-rows";

/** What the final step made of the rows the import wrote. */
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
  /** The block of event ids the import wrote its rows under (load-tables.ts). */
  block: bigint;
  /** Rows written, their first and last instants (UTC ISO), and whether any carried findings: known to the writer, so no scan. */
  staged: number;
  first: string | null;
  last: string | null;
  hasFindings: boolean;
  progress: Record<string, unknown>;
  /** A complete source of the same bytes whose reading this one replaces (null: none). */
  replaces: string | null;
};

/**
 * Makes the rows a source's import wrote into its incident's events: deduplicated, their entities
 * linked, indexed, attached, their redactions recorded, and the source completed; an import that
 * dies before or during this leaves no events of this source where any query sees them. On a
 * Postgres server with rows to load, two transactions that keep both cores busy
 * (finalize-overlap.ts); otherwise (the embedded database has one connection) one.
 */
export async function finalizeSource(db: Db, args: FinalizeArgs): Promise<FinalizeResult> {
  if (db.sql.session && args.staged > 0) return finalizeOverlapped(db, db.sql.session, args);
  return db.sql.transaction(async (tx) => {
    await tx.exec(FINALIZE_SETTINGS);
    await tx.query(`SELECT pg_advisory_xact_lock(${importLockKey})`, [args.incidentId]);
    // A new reading that stores nothing replaces nothing: the earlier one stays.
    const replaces = args.staged > 0 ? args.replaces : null;
    // The analysts' work on the earlier reading, kept aside by fingerprint (its events go last).
    if (replaces) await saveAnalystWork(tx, args.incidentId, replaces);
    const checksOff = await skipForeignKeyChecks(tx, args);
    // Nothing read: the import's empty tables go.
    if (args.staged === 0) await dropLeftoverBlock(tx, args.incidentId, args.sourceId);
    const load = args.staged > 0 ? await dedupeLoad(tx, args, args.block, replaces) : null;
    if (load?.imported) await linkIndexAttach(tx, args, load, await blockIndexStatements(tx, load.block), "here");
    return finishSource(tx, args, load, { checksOff, replaces });
  });
}
