import type { Db } from "@/lib/db";
import { chunkIndexStatements } from "./event-partitions";
import { FINALIZE_SETTINGS } from "./finalize-steps";

/**
 * Indexes each full chunk of an import's events on a connection of its own while the import
 * reads the next (so the final step is left only the last chunk's builds). Only on a Postgres
 * server: the embedded database has one connection, and its final step builds every chunk's.
 * One chunk at a time, in order, each in one transaction (all its indexes or none); after a
 * failure nothing more is built, and `failure` (at the next chunk) and `done` give it.
 */
export function createChunkIndexer(db: Db) {
  if (!db.sql.session) return null;
  let chain: Promise<void> = Promise.resolve();
  let failed: Error | null = null;
  return {
    /** Index `chunk` once `written` (the promise of its last rows' COPY) has settled. */
    add(chunk: string, written: Promise<void>): void {
      chain = chain
        .then(() => written)
        .then(() =>
          db.sql.transaction(async (tx) => {
            await tx.exec(FINALIZE_SETTINGS);
            // Nothing else locks a chunk before the final step; if something did, fail rather than wait.
            await tx.exec(`SET LOCAL lock_timeout = '30s'`);
            for (const statement of await chunkIndexStatements(tx, chunk)) await tx.exec(statement);
          }),
        );
      // Given by failure() and thrown by done(), not an unhandled rejection meanwhile.
      chain.catch((err: Error) => {
        failed ??= err;
      });
    },
    /** The first build that failed so far, if any: the import stops there rather than read on. */
    failure: (): Error | null => failed,
    /** Waits until every chunk added is indexed; throws the first failure. */
    done: (): Promise<void> => chain,
  };
}
