import type { Ctx } from "@/lib/context/ctx";
import { SqlParams } from "@/lib/db/sql-params";
import { eventHourlyIsFresh } from "@/lib/rollup/event-hourly";
import type { TimelineCell } from "../get-timeline-data";
import { type EventScope, eventWhere } from "./event-filter-sql";
import type { LanePlan } from "./timeline-lanes";

const HOUR = 3_600_000;

/**
 * The bins of a window from the hourly counts, when they can answer exactly: stage or source
 * lanes, no text, entity or severity filter, bins a whole number of hours, and counts that cover
 * every imported event. The whole hours inside the window come from the counts; the part-hours at
 * its two ends are counted from the events by `edge` (the same query as without counts). Null:
 * not answerable from the counts.
 */
export async function readHourlyBuckets(
  ctx: Ctx,
  scope: EventScope & { from: string; to: string },
  plan: LanePlan,
  laneMode: string,
  binMs: number,
  edge: (scope: EventScope) => Promise<TimelineCell[]>,
): Promise<TimelineCell[] | null> {
  const { filters } = scope;
  if (!(laneMode === "stage" || laneMode === "source") || filters.q || filters.entity || filters.severity.length || binMs % HOUR !== 0)
    return null;
  if (!(await eventHourlyIsFresh(ctx.db.sql, scope.incidentId))) return null;
  const from = Date.parse(scope.from);
  const to = Date.parse(scope.to);
  const innerFrom = Math.ceil(from / HOUR) * HOUR;
  const innerTo = Math.floor(to / HOUR) * HOUR;
  if (innerFrom >= innerTo) return null;
  const p = new SqlParams();
  // Stage and source filters read the same columns on the counts as on the events (alias e).
  const where = eventWhere(p, { ...scope, from: undefined, to: undefined });
  const rows = await ctx.db.sql.query<{ lane: string | null; t: number; n: number }>(
    `SELECT ${plan.sqlKey(p)} AS lane,
            (extract(epoch FROM date_bin(make_interval(secs => ${p.add(binMs / 1000)}::float8), e.hour, TIMESTAMPTZ '1970-01-01 00:00:00+00')) * 1000)::float8 AS t,
            sum(e.n)::int AS n
     FROM event_hourly e
     WHERE ${where} AND e.hour >= ${p.add(new Date(innerFrom).toISOString())}::timestamptz AND e.hour < ${p.add(new Date(innerTo).toISOString())}::timestamptz
     GROUP BY 1, 2`,
    p.values(),
  );
  const cells = rows.map((r) => ({ lane: plan.fromSql(r.lane), t: Number(r.t), n: r.n }));
  if (from < innerFrom) cells.push(...(await edge({ ...scope, to: new Date(innerFrom).toISOString() })));
  if (innerTo < to) cells.push(...(await edge({ ...scope, from: new Date(innerTo).toISOString() })));
  return mergeCells(cells);
}

/** Sums cells that name the same lane and bin (the counts and the edges may both fill one bin). */
export function mergeCells(cells: readonly TimelineCell[]): TimelineCell[] {
  const out = new Map<string, TimelineCell>();
  for (const c of cells) {
    const key = `${c.lane}\u0000${c.t}`;
    const seen = out.get(key);
    if (seen) seen.n += c.n;
    else out.set(key, { ...c });
  }
  return [...out.values()].sort((a, b) => a.t - b.t || a.lane.localeCompare(b.lane));
}
