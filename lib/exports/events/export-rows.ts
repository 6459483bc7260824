import { authorize } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { isoMicros } from "@/lib/db/iso-micros";
import { SqlParams } from "@/lib/db/sql-params";
import { filterConditions } from "@/lib/queries/list-events";
import { type TEventFilters, ZEventFilters } from "@/lib/schemas/annotations";

/** One event as every export writes it: canonical fields in full, times to the microsecond. */
export type ExportRow = {
  id: string;
  /** UTC, ISO 8601 with microseconds. */
  time: string;
  /** Microseconds since the epoch, exact (Timesketch's `timestamp`). */
  epochUs: string;
  timestampDesc: string;
  source: string;
  line: number;
  stage: string | null;
  technique: string | null;
  severity: string | null;
  action: string | null;
  category: string | null;
  outcome: string | null;
  actor: string | null;
  host: string | null;
  srcIp: string | null;
  dstIp: string | null;
  target: string | null;
  message: string;
};

/** Rows per round trip: big enough to keep Postgres busy, small enough that memory stays flat. */
const BATCH = 5_000;

/**
 * The incident's events under the Events table's filters, oldest first, read in batches by
 * keyset on (time, id): an export of a million events holds one batch at a time, never the incident.
 */
export async function* exportRows(ctx: Ctx, incidentId: string, filters: unknown = {}): AsyncGenerator<ExportRow[]> {
  const q: TEventFilters = ZEventFilters.parse(filters);
  await authorize(ctx, incidentId, "evidence.view");
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const p = new SqlParams();
    const conds = filterConditions(p, incidentId, q);
    if (after) {
      const at = p.add(after.at);
      conds.push(`e.occurred_at >= ${at}::timestamptz AND (e.occurred_at, e.id) > (${at}::timestamptz, ${p.add(after.id)}::bigint)`);
    }
    const rows = await ctx.db.sql.query<ExportRow>(
      `SELECT e.id::text AS id, ${isoMicros("e.occurred_at")} AS time,
              (floor(extract(epoch FROM e.occurred_at))::bigint * 1000000 + (extract(microseconds FROM e.occurred_at)::bigint % 1000000))::text AS "epochUs",
              e.timestamp_desc AS "timestampDesc", s.name AS source, e.line_number AS line, st.key AS stage, e.technique,
              e.severity::text AS severity, e.action, e.category, e.outcome, e.actor, e.host, host(e.src_ip) AS "srcIp",
              host(e.dst_ip) AS "dstIp", e.target, e.message
       FROM events e JOIN sources s ON s.id = e.source_id LEFT JOIN stages st ON st.id = e.stage_id
       WHERE ${conds.join(" AND ")}
       ORDER BY e.occurred_at, e.id LIMIT ${BATCH}`,
      p.values(),
    );
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1] as ExportRow;
    if (rows.length < BATCH) return;
    after = { at: last.time, id: last.id };
  }
}
