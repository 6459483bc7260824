import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { isoMicros } from "@/lib/db/iso-micros";
import { SqlParams } from "@/lib/db/sql-params";
import { type SeverityLevel, type TTimelineQueryInput, ZTimelineQuery } from "@/lib/schemas/timeline";
import { pickBinMs } from "@/lib/timeline/bin-width";
import type { LaneMode, TimelineLane } from "@/lib/timeline/lanes";
import { type EventScope, eventWhere } from "./timeline/event-filter-sql";
import { readHourlyBuckets } from "./timeline/hourly-buckets";
import {
  listTimelineGaps,
  listTimelineLinks,
  listTimelineSteps,
  type TimelineGap,
  type TimelineLink,
  type TimelineStep,
} from "./timeline/timeline-chain";
import { type LanePlan, planLanes, type SourceRow } from "./timeline/timeline-lanes";

export type { TimelineGap, TimelineLink, TimelineStep } from "./timeline/timeline-chain";

/** One event as a timeline mark (the message cut to MESSAGE_CHARS). */
export type TimelineEvent = {
  id: string;
  /** UTC with microseconds, e.g. 2021-04-20T07:42:13.485321Z. */
  occurredAt: string;
  lane: string;
  stage: string | null;
  sourceId: string;
  action: string | null;
  actor: string | null;
  host: string | null;
  message: string;
  severity: SeverityLevel | null;
};

/** How many events of one lane fall in the bin starting at t (ms since the epoch). */
export type TimelineCell = { lane: string; t: number; n: number };

/** Everything the timeline draws for one window, computed on the server. */
export type TimelineData = {
  /** The window drawn, [from, to) (null: the incident has no events and none was asked for). */
  window: { from: string; to: string } | null;
  /** The incident's first and last event, microseconds kept (null: no events). */
  extent: { from: string; to: string } | null;
  laneMode: LaneMode;
  /** The lanes in order, with the number of matching events each holds in the window. */
  lanes: TimelineLane[];
  stages: { key: string; name: string; position: number }[];
  sources: SourceRow[];
  /** The entity the events are filtered by, named. */
  entity: { id: string; kind: string; value: string } | null;
  /** Matching events in the window. */
  total: number;
  steps: TimelineStep[];
  /** Arrows between steps, each saying what ties them. */
  links: TimelineLink[];
  gaps: TimelineGap[];
} & ({ kind: "events"; events: TimelineEvent[] } | { kind: "buckets"; binMs: number; cells: TimelineCell[] });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Messages are cut to this many characters in marks; the details drawer reads the whole event. */
export const MESSAGE_CHARS = 200;

type RawRow = {
  id: string;
  occurred_at: string;
  stage_id: string | null;
  source_id: string;
  action: string | null;
  actor: string | null;
  host: string | null;
  message: string;
  severity: SeverityLevel | null;
};

async function readExtent(ctx: Ctx, incidentId: string) {
  const [row] = await ctx.db.sql.query<{ first: string | null; last: string | null; after: string | null }>(
    `SELECT ${isoMicros("min(occurred_at)")} AS first, ${isoMicros("max(occurred_at)")} AS last,
            ${isoMicros("max(occurred_at) + interval '1 microsecond'")} AS after
     FROM events WHERE incident_id = $1::uuid`,
    [incidentId],
  );
  return row?.first && row.last && row.after ? { from: row.first, to: row.last, after: row.after } : null;
}

/** Whether the window holds more than limit events, counting no further than limit + 1. */
async function exceeds(ctx: Ctx, scope: EventScope, limit: number): Promise<boolean> {
  const p = new SqlParams();
  const where = eventWhere(p, scope);
  const [row] = await ctx.db.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM events e WHERE ${where} LIMIT ${p.add(limit + 1)}) s`,
    p.values(),
  );
  return (row?.n ?? 0) > limit;
}

async function readEvents(ctx: Ctx, scope: EventScope, plan: LanePlan, limit: number): Promise<TimelineEvent[]> {
  const p = new SqlParams();
  const where = eventWhere(p, scope);
  const rows = await ctx.db.sql.query<RawRow & { stage_key: string | null }>(
    `SELECT e.id::text AS id, ${isoMicros("e.occurred_at")} AS occurred_at, e.stage_id::text AS stage_id, st.key AS stage_key,
            e.source_id::text AS source_id, e.action, e.actor, e.host, left(e.message, ${MESSAGE_CHARS}) AS message,
            e.severity::text AS severity
     FROM events e LEFT JOIN stages st ON st.id = e.stage_id
     WHERE ${where}
     ORDER BY e.occurred_at, e.id
     LIMIT ${p.add(limit)}`,
    p.values(),
  );
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    lane: plan.keyOf(r),
    stage: r.stage_key,
    sourceId: r.source_id,
    action: r.action,
    actor: r.actor,
    host: r.host,
    message: r.message,
    severity: r.severity,
  }));
}

/**
 * Counts per lane per bin in one GROUP BY: date_bin on epoch-aligned bins (so the bins stay put
 * while panning), the window read through the (incident_id, occurred_at) index.
 */
async function readBuckets(ctx: Ctx, scope: EventScope, plan: LanePlan, binMs: number): Promise<TimelineCell[]> {
  const p = new SqlParams();
  const where = eventWhere(p, scope);
  const lane = plan.sqlKey(p);
  const rows = await ctx.db.sql.query<{ lane: string | null; t: number; n: number }>(
    `SELECT lane, (extract(epoch FROM b) * 1000)::float8 AS t, n FROM (
       SELECT ${lane} AS lane,
              date_bin(make_interval(secs => ${p.add(binMs / 1000)}::float8), e.occurred_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS b,
              count(*)::int AS n
       FROM events e
       WHERE ${where}
       GROUP BY 1, 2
     ) s ORDER BY 2, 1`,
    p.values(),
  );
  // Two SQL lanes may name one lane (a stage id no longer on the incident reads as untagged): merge them.
  const cells = new Map<string, TimelineCell>();
  for (const r of rows) {
    const cell = { lane: plan.fromSql(r.lane), t: Number(r.t), n: r.n };
    const key = `${cell.lane}\u0000${cell.t}`;
    const seen = cells.get(key);
    if (seen) seen.n += cell.n;
    else cells.set(key, cell);
  }
  return [...cells.values()];
}

/**
 * The timeline for one window of an incident: raw events when the window holds at most `limit`
 * of them, else counts per lane per bin; with the lanes, the incident's extent, its chain steps
 * and its evidence gaps. Null when the incident does not exist or the actor is not a member.
 */
export async function getTimelineData(ctx: Ctx, incidentId: string, input: TTimelineQueryInput): Promise<TimelineData | null> {
  const q = ZTimelineQuery.parse(input);
  if (!UUID.test(incidentId)) return null;
  const prisma = ctx.db.prisma;
  if (!(await can(ctx, incidentId, "evidence.view"))) return null;

  const [stages, sources, extent, steps, entity, links] = await Promise.all([
    prisma.stage.findMany({
      where: { incidentId },
      orderBy: { position: "asc" },
      select: { id: true, key: true, name: true, position: true },
    }),
    prisma.source
      .findMany({
        where: { incidentId },
        orderBy: [{ importedAt: "asc" }, { id: "asc" }],
        select: { id: true, name: true, format: true, firstEventAt: true },
      })
      .then((rows) => rows.map((r) => ({ ...r, firstEventAt: r.firstEventAt?.toISOString() ?? null }))),
    readExtent(ctx, incidentId),
    listTimelineSteps(ctx.db, incidentId),
    q.entity ? prisma.entity.findFirst({ where: { id: q.entity, incidentId }, select: { id: true, kind: true, value: true } }) : null,
    listTimelineLinks(ctx.db, incidentId),
  ]);
  const gaps = await listTimelineGaps(ctx.db, incidentId, q.lanes, steps);
  const from = q.from ?? extent?.from;
  const to = q.to ?? extent?.after;
  const scope: EventScope = {
    incidentId,
    from,
    to,
    filters: { stage: q.stage, source: q.source, entity: q.entity, q: q.q || undefined, severity: q.severity },
    stageIds: new Map(stages.map((s) => [s.key, s.id])),
  };
  const plan = await planLanes(ctx.db, q.lanes, scope, stages, sources);
  const common = {
    window: from && to ? { from, to } : null,
    extent: extent ? { from: extent.from, to: extent.to } : null,
    laneMode: q.lanes,
    stages: stages.map(({ key, name, position }) => ({ key, name, position })),
    sources,
    entity,
    steps,
    links,
    gaps,
  };
  const withCounts = (count: (key: string) => number): TimelineLane[] => plan.lanes.map((l) => ({ ...l, count: count(l.key) }));

  if (!from || !to) return { ...common, lanes: withCounts(() => 0), total: 0, kind: "events", events: [] };

  if (q.limit > 0 && !(await exceeds(ctx, scope, q.limit))) {
    const events = await readEvents(ctx, scope, plan, q.limit);
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.lane, (counts.get(e.lane) ?? 0) + 1);
    return { ...common, lanes: withCounts((k) => counts.get(k) ?? 0), total: events.length, kind: "events", events };
  }

  const binMs = pickBinMs(Date.parse(to) - Date.parse(from), q.width, plan.lanes.length);
  const hourly =
    scope.from && scope.to
      ? await readHourlyBuckets(ctx, { ...scope, from: scope.from, to: scope.to }, plan, q.lanes, binMs, (edge) =>
          readBuckets(ctx, edge, plan, binMs),
        )
      : null;
  const cells = hourly ?? (await readBuckets(ctx, scope, plan, binMs));
  const counts = new Map<string, number>();
  let total = 0;
  for (const c of cells) {
    counts.set(c.lane, (counts.get(c.lane) ?? 0) + c.n);
    total += c.n;
  }
  return { ...common, lanes: withCounts((k) => counts.get(k) ?? 0), total, kind: "buckets", binMs, cells };
}
