import type { Db } from "@/lib/db";
import type { SqlRunner } from "@/lib/db/sql";
import { blockIndexStatements, dropLeftoverBlock } from "./event-partitions";
import { dedupeLoad, dropTempTables, linkIndexAttach } from "./finalize-load";
import type { FinalizeArgs, FinalizeResult } from "./finalize-source";
import { FINALIZE_SETTINGS, finishSource, importLockKey, skipForeignKeyChecks } from "./finalize-steps";
import { saveAnalystWork } from "./source-rows";

/** BEGIN … COMMIT on a session's connection, rolled back if fn throws. */
async function inTransaction<T>(s: SqlRunner, fn: () => Promise<T>): Promise<T> {
  await s.exec("BEGIN");
  try {
    const out = await fn();
    await s.exec("COMMIT");
    return out;
  } catch (err) {
    await s.exec("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

/**
 * The final step on a Postgres server, in two transactions on one connection so that both
 * cores work: the first deduplicates the rows the import wrote (its table still unattached: no
 * query sees it) and commits; then the last chunk's indexes (its full-text GIN index the longest
 * build; the earlier chunks' were built while reading) are built on a second connection while the
 * first links the entities and builds the links' indexes, and the second transaction attaches
 * both tables and completes the source. The incident's import lock
 * is held on the connection across both (a session lock: it goes with the connection if the
 * process dies). A process killed between the two leaves unattached tables, which the source's
 * next attempt, its delete or its incident's delete drops.
 */
export async function finalizeOverlapped(db: Db, session: NonNullable<SqlRunner["session"]>, args: FinalizeArgs): Promise<FinalizeResult> {
  return session(async (s) => {
    await s.query(`SELECT pg_advisory_lock(${importLockKey})`, [args.incidentId]);
    let chunks: Promise<void> | null = null;
    try {
      const replaces = args.replaces;
      const load = await inTransaction(s, async () => {
        await s.exec(FINALIZE_SETTINGS);
        return dedupeLoad(s, args, args.block, replaces);
      });
      // What is left to index: the last chunk's events (the others were indexed while reading), on a
      // second connection, and the links.
      const indexes = load.imported ? await blockIndexStatements(s, load.block) : null;
      chunks = indexes
        ? db.sql.transaction(async (tx) => {
            await tx.exec(FINALIZE_SETTINGS);
            // Nothing else should lock these tables now; if something did, fail rather than wait on a wait.
            await tx.exec(`SET LOCAL lock_timeout = '30s'`);
            for (const statement of indexes.chunkStatements) await tx.exec(statement);
          })
        : null;
      chunks?.catch(() => undefined);
      return await inTransaction(s, async () => {
        await s.exec(FINALIZE_SETTINGS);
        if (replaces) await saveAnalystWork(s, args.incidentId, replaces);
        const checksOff = await skipForeignKeyChecks(s, args);
        if (indexes && chunks) await linkIndexAttach(s, args, load, indexes, chunks);
        return finishSource(s, args, load, { checksOff, replaces });
      });
    } catch (err) {
      await chunks?.catch(() => undefined);
      // The committed, unattached load goes now rather than at the next attempt.
      await inTransaction(s, () => dropLeftoverBlock(s, args.incidentId, args.sourceId)).catch(() => undefined);
      throw err;
    } finally {
      await dropTempTables(s).catch(() => undefined);
      await s.query(`SELECT pg_advisory_unlock(${importLockKey})`, [args.incidentId]).catch(() => undefined);
    }
  });
}
