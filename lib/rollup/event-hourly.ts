import type { SqlRunner } from "@/lib/db/sql";

/**
 * Rebuilds an incident's hourly counts from its events (an index-only scan of the
 * (incident, time) index, which carries stage and source). Runs inside the caller's transaction,
 * after the rules have set stages, so the counts and the tags change together.
 */
export async function refreshEventHourly(tx: SqlRunner, incidentId: string): Promise<void> {
  await tx.query("DELETE FROM event_hourly WHERE incident_id = $1", [incidentId]);
  const [row] = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO event_hourly (incident_id, hour, source_id, stage_id, n)
       SELECT $1, date_trunc('hour', occurred_at, 'UTC'), source_id, stage_id, count(*)::int
       FROM events WHERE incident_id = $1 GROUP BY 2, 3, 4
       RETURNING n)
     SELECT coalesce(sum(n), 0)::bigint AS n FROM ins`,
    [incidentId],
  );
  await tx.query(
    `INSERT INTO event_hourly_state (incident_id, events, built_at) VALUES ($1, $2, now())
     ON CONFLICT (incident_id) DO UPDATE SET events = excluded.events, built_at = now()`,
    [incidentId, row?.n ?? 0],
  );
}

/** Recounts the hours that hold the given events (after their stage changed by hand). */
export async function refreshEventHourlyFor(tx: SqlRunner, incidentId: string, eventIds: readonly string[]): Promise<void> {
  const hours = `SELECT DISTINCT date_trunc('hour', occurred_at, 'UTC') AS h FROM events WHERE incident_id = $1 AND id = ANY($2::bigint[])`;
  await tx.query(`DELETE FROM event_hourly WHERE incident_id = $1 AND hour IN (${hours})`, [incidentId, eventIds]);
  await tx.query(
    `INSERT INTO event_hourly (incident_id, hour, source_id, stage_id, n)
     SELECT $1, date_trunc('hour', e.occurred_at, 'UTC'), e.source_id, e.stage_id, count(*)::int
     FROM (${hours}) hs JOIN events e ON e.incident_id = $1 AND e.occurred_at >= hs.h AND e.occurred_at < hs.h + interval '1 hour'
     GROUP BY 2, 3, 4`,
    [incidentId, eventIds],
  );
}

/** Whether the hourly counts cover exactly the events the incident's finished imports added. */
export async function eventHourlyIsFresh(sql: SqlRunner, incidentId: string): Promise<boolean> {
  const [row] = await sql.query<{ fresh: boolean }>(
    `SELECT coalesce((SELECT events FROM event_hourly_state WHERE incident_id = $1), -1)
            = (SELECT coalesce(sum(imported_count), 0) FROM sources WHERE incident_id = $1 AND status = 'complete') AS fresh`,
    [incidentId],
  );
  return row?.fresh ?? false;
}
