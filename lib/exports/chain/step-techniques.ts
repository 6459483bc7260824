import type { SqlRunner } from "@/lib/db/sql";

/** Each step's ATT&CK technique: the one most of its evidence events were tagged with (none when none was). */
export async function stepTechniques(sql: SqlRunner, incidentId: string): Promise<Map<string, string>> {
  const rows = await sql.query<{ step_id: string; technique: string }>(
    `SELECT DISTINCT ON (cse.step_id) cse.step_id AS step_id, e.technique
     FROM chain_step_events cse JOIN events e ON e.incident_id = cse.incident_id AND e.id = cse.event_id
     WHERE cse.incident_id = $1 AND e.technique IS NOT NULL AND e.technique <> ''
     GROUP BY cse.step_id, e.technique
     ORDER BY cse.step_id, count(*) DESC, e.technique`,
    [incidentId],
  );
  return new Map(rows.map((r) => [r.step_id, r.technique]));
}
