import type { SqlRunner } from "@/lib/db/sql";

/** The workspace's event id for each "file:line" given (the record's first line in the file it was imported from). */
export async function workspaceEventIds(sql: SqlRunner, workspaceId: string, refs: readonly string[]): Promise<Map<string, string>> {
  const rows = await sql.query<{ ref: string; id: string }>(
    `SELECT s.name || ':' || e.line_number AS ref, min(e.id)::text AS id
     FROM events e JOIN sources s ON s.id = e.source_id
     WHERE e.incident_id = $1 AND s.name || ':' || e.line_number = ANY($2::text[]) GROUP BY 1`,
    [workspaceId, refs],
  );
  return new Map(rows.map((r) => [r.ref, r.id]));
}
