import { authorize } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";

/**
 * How a quiet period is found, stated so the analyst can judge it (it is stored on every gap).
 * Logs follow the working week, so a constant rate would call every night a gap: each source is
 * compared with its own hour-of-week profile instead.
 */
export const QUIET_PERIOD_METHOD = {
  method: "hour-of-week profile",
  description:
    "For each source, the mean number of events in each of the 168 hours of the week, over the weeks the source covers. A quiet period is a run of consecutive empty hours whose expected events add up to at least the threshold; under a Poisson model the chance of that much silence by luck is below e^-threshold.",
  expectedEventsThreshold: 20,
  minHours: 2,
} as const;

export type QuietPeriod = { sourceId: string; startAt: Date; endAt: Date; hours: number; expectedEvents: number };

/**
 * Replaces the incident's detected quiet periods with a fresh detection over its events. Declared
 * gaps are left alone; a quiet period inside a declared gap of the same source is not repeated.
 */
export async function detectQuietPeriods(ctx: Ctx, incidentId: string, threshold: number = QUIET_PERIOD_METHOD.expectedEventsThreshold) {
  await authorize(ctx, incidentId, "evidence.edit");
  return ctx.db.sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('chainline.gaps'), hashtext($1))", [incidentId]);
    await tx.query("DELETE FROM gaps WHERE incident_id = $1 AND origin = 'detected' AND reason = 'quiet_period'", [incidentId]);
    const found = await tx.query<{ source_id: string; start_at: Date; end_at: Date; hours: number; expected: number }>(
      `WITH hourly AS (
         SELECT source_id, date_trunc('hour', occurred_at, 'UTC') AS h, count(*)::float8 AS n
         FROM events WHERE incident_id = $1 GROUP BY 1, 2),
       span AS (SELECT source_id, min(h) AS first_h, max(h) AS last_h FROM hourly GROUP BY 1),
       grid AS (
         SELECT sp.source_id, g.h, coalesce(hr.n, 0) AS n,
                (extract(isodow FROM g.h AT TIME ZONE 'UTC')::int - 1) * 24 + extract(hour FROM g.h AT TIME ZONE 'UTC')::int AS how
         FROM span sp CROSS JOIN LATERAL generate_series(sp.first_h, sp.last_h, interval '1 hour') AS g(h)
         LEFT JOIN hourly hr ON hr.source_id = sp.source_id AND hr.h = g.h),
       profile AS (SELECT source_id, how, avg(n) AS expected FROM grid GROUP BY 1, 2),
       empty AS (
         SELECT g.source_id, g.h, p.expected,
                g.h - (row_number() OVER (PARTITION BY g.source_id ORDER BY g.h)) * interval '1 hour' AS run
         FROM grid g JOIN profile p ON p.source_id = g.source_id AND p.how = g.how
         WHERE g.n = 0),
       runs AS (
         SELECT source_id, min(h) AS start_at, max(h) + interval '1 hour' AS end_at, count(*)::int AS hours, sum(expected) AS expected
         FROM empty GROUP BY source_id, run)
       SELECT r.source_id, r.start_at, r.end_at, r.hours, round(r.expected::numeric, 1)::float8 AS expected FROM runs r
       WHERE r.expected >= $2 AND r.hours >= $3
         AND NOT EXISTS (SELECT 1 FROM gaps d WHERE d.incident_id = $1 AND d.origin = 'declared' AND d.source_id = r.source_id
                         AND d.start_at <= r.start_at AND d.end_at >= r.end_at)
       ORDER BY r.start_at`,
      [incidentId, threshold, QUIET_PERIOD_METHOD.minHours],
    );
    for (const q of found) {
      await tx.query(
        `INSERT INTO gaps (incident_id, source_id, scope, start_at, end_at, reason, origin, description, detail)
         SELECT $1, s.id, s.name, $3, $4, 'quiet_period', 'detected', $5, $6::jsonb FROM sources s WHERE s.id = $2`,
        [
          incidentId,
          q.source_id,
          q.start_at,
          q.end_at,
          `${q.hours} hours with no events where this source's own hour-of-week rhythm expects about ${Math.round(q.expected)}`,
          JSON.stringify({ ...QUIET_PERIOD_METHOD, expectedEventsThreshold: threshold, hours: q.hours, expectedEvents: q.expected }),
        ],
      );
    }
    await recordAuditSql(tx, ctx, {
      action: "gaps.detect",
      entityType: "Incident",
      entityId: incidentId,
      incidentId,
      after: { found: found.length, threshold },
    });
    return found.map(
      (q): QuietPeriod => ({
        sourceId: q.source_id,
        startAt: new Date(q.start_at),
        endAt: new Date(q.end_at),
        hours: q.hours,
        expectedEvents: q.expected,
      }),
    );
  });
}
