import type { SqlRunner } from "@/lib/db/sql";

/** How far the events may grow or shrink (as a factor) before the whole table is analysed again. */
export const EVENTS_REANALYZE_FACTOR = 1.5;

// Partitions never analysed, or whose file grew by half since they were (rows written other than
// by an import, which analyses its own: a training copy into the `_0` table; many rows tagged by
// the rules, each update a new row version). pg_relation_size is the file's size now; relpages
// its size at the last ANALYZE.
const STALE_PARTITIONS = `
SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_partition_tree('events') t
JOIN pg_class c ON c.oid = t.relid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE t.isleaf AND (c.reltuples < 0 OR pg_relation_size(c.oid) > greatest(c.relpages, 1)::float8 * current_setting('block_size')::int * $1)`;

const COUNTS = `
SELECT (SELECT reltuples FROM pg_class WHERE oid = 'events'::regclass)::float8 AS analyzed,
       (SELECT coalesce(sum(greatest(c.reltuples, 0)), 0) FROM pg_partition_tree('events') t
          JOIN pg_class c ON c.oid = t.relid WHERE t.isleaf)::float8 AS now`;

/**
 * Planner statistics of `events` after its partitions changed (an import, a source deleted, a
 * rules pass). Each import analyses the tables it wrote in its final step, and the planner reads
 * a partition's own statistics for its scans; partitions written otherwise are analysed here
 * when they are new or grew by half. What is left are the statistics of the partitioned table as
 * a whole, which the planner reads for joins and groupings over all of it. Postgres 15 gathers
 * those only by sampling every partition of every incident again (`ANALYZE events` took 7.1 s
 * with 1.6 million events in 11 partitions, growing with the database, even after a ten-line
 * import), so that runs only when the events have grown by half or shrunk by a third since it last
 * ran (their count then is the table's reltuples, which ANALYZE sets): the whole-table statistics
 * stay within that factor, and the sampling over a database's life costs a few times its size
 * instead of its size per import. Returns whether the whole table was analysed.
 */
export async function refreshEventStatistics(sql: SqlRunner): Promise<boolean> {
  for (const { name } of await sql.query<{ name: string }>(STALE_PARTITIONS, [EVENTS_REANALYZE_FACTOR])) await sql.exec(`ANALYZE ${name}`);
  const [r] = await sql.query<{ analyzed: number; now: number }>(COUNTS);
  const analyzed = r?.analyzed ?? -1;
  const now = r?.now ?? 0;
  // -1: never analysed. 0: analysed empty, so any event is growth.
  const stale =
    analyzed < 0 || (analyzed === 0 ? now > 0 : now > analyzed * EVENTS_REANALYZE_FACTOR || now < analyzed / EVENTS_REANALYZE_FACTOR);
  if (stale) await sql.exec("ANALYZE events");
  return stale;
}
