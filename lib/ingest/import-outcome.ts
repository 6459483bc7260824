import type { SqlRunner } from "@/lib/db/sql";

/** How an import that ran to its end came out: records stored, none to store, or every one refused. */
export type SourceOutcome = { status: "complete" | "empty" | "failed"; reason: string | null };

/**
 * "complete" when some record was staged (each one is now an event or a duplicate of one);
 * "empty" when the file held no record at all (nothing but a header or blank lines); "failed"
 * when every record was rejected, with the commonest reason, so the analyst sees at once what
 * to change (most often the time column or the format) instead of a "complete" with no events.
 */
export async function importOutcome(
  tx: SqlRunner,
  sourceId: string,
  counts: { read: number; staged: number; rejected: number },
): Promise<SourceOutcome> {
  if (counts.staged > 0) return { status: "complete", reason: null };
  if (counts.rejected === 0) {
    return { status: "empty", reason: "no records: the file is empty or holds only a header and blank lines" };
  }
  // Reasons quote the value they refused ('unrecognised timestamp: "10|05|2023"'): they are
  // grouped by what comes before the quote, and the first line of the commonest kind is the example.
  const top = await tx.query<{ kind: string; n: number; kinds: number; line: number; example: string }>(
    `WITH k AS (SELECT regexp_replace(reason, '[: ]*".*$', '', 's') AS kind, reason, line_number FROM import_issues WHERE source_id = $1)
     SELECT kind, count(*)::int AS n, (SELECT count(DISTINCT kind)::int FROM k) AS kinds,
            (array_agg(line_number ORDER BY line_number))[1] AS line, (array_agg(reason ORDER BY line_number))[1] AS example
     FROM k GROUP BY kind ORDER BY count(*) DESC, min(line_number) LIMIT 1`,
    [sourceId],
  );
  const all = `every record (${counts.rejected.toLocaleString("en-US")}) was rejected`;
  const t = top[0];
  if (!t) return { status: "failed", reason: all };
  const example = t.example === t.kind ? ` (first at line ${t.line})` : ` (first at line ${t.line}: ${t.example})`;
  return {
    status: "failed",
    reason:
      t.kinds === 1
        ? `${all}: ${t.kind}${example}`
        : `${all}; the commonest reason (${t.n.toLocaleString("en-US")} lines): ${t.kind}${example}`,
  };
}
