import type { SqlRunner } from "@/lib/db/sql";

/** How far the events may grow or shrink (as a factor) before the whole table is analysed again. */
export const EVENTS_REANALYZE_FACTOR = 1.5;

/**
 * Planner statistics of `events` as a whole after its partitions changed (an import, a delete).
 * Each import analyses its own tables in its final step, and the planner reads those for the
 * scans of a query; what is left are the statistics of the partitioned table itself, which it
 * reads for joins and groupings over all of it. Postgres 15 can only gather those by sampling
 * every partition of every incident again (`ANALYZE events` took 7.1 s here with 1.6 million
 * events in 11 partitions, and grows with the database, even after a ten-line import), so it runs
 * only when the events have grown or shrunk by half since the last time (their count then is the
 * table's reltuples, which ANALYZE sets): the whole-table statistics stay within that factor, and
 * the work over a database's life is a few times its size instead of its size per import.
 * Returns whether it ran.
 */
export async function refreshEventStatistics(sql: SqlRunner): Promise<boolean> {
  const [r] = await sql.query<{ analyzed: number; now: number }>(
    `SELECT (SELECT reltuples FROM pg_class WHERE oid = 'events'::regclass)::float8 AS analyzed,
            (SELECT coalesce(sum(greatest(c.reltuples, 0)), 0) FROM pg_partition_tree('events') t
               JOIN pg_class c ON c.oid = t.relid WHERE t.isleaf)::float8 AS now`,
  );
  const analyzed = r?.analyzed ?? -1;
  const now = r?.now ?? 0;
  // -1: never analysed. 0: analysed empty, so any event is growth.
  const stale =
    analyzed < 0 || (analyzed === 0 ? now > 0 : now > analyzed * EVENTS_REANALYZE_FACTOR || now < analyzed / EVENTS_REANALYZE_FACTOR);
  if (stale) await sql.query("ANALYZE events");
  return stale;
}
