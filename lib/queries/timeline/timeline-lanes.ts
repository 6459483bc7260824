import type { Db } from "@/lib/db";
import { SqlParams } from "@/lib/db/sql-params";
import { type LaneMode, NONE_LANE, OTHER_LANE, type TimelineLane, TOP_LANES, UNTAGGED } from "@/lib/timeline/lanes";
import { type EventScope, eventWhere } from "./event-filter-sql";

export type StageRow = { id: string; key: string; name: string; position: number };
/** A source as the timeline names it; its first event (ISO, null when it has none) tells "before it begins" apart. */
export type SourceRow = { id: string; name: string; format: string; firstEventAt: string | null };

/** The lanes of one lane mode and how to put an event in one, in SQL (buckets) and in JS (raw events). */
export type LanePlan = {
  lanes: Omit<TimelineLane, "count">[];
  /** SQL expression (alias e) giving an event's lane; it may add parameters. */
  sqlKey(p: SqlParams): string;
  /** The lane of a row as read: stage_id, source_id, host or actor. */
  keyOf(row: { stage_id: string | null; source_id: string; host: string | null; actor: string | null }): string;
  /** Turns what sqlKey returned into a lane key (stage ids become stage keys). */
  fromSql(value: string | null): string;
};

const VALUE_COLUMN = { host: "e.host", actor: "e.actor" } as const;

// Top-N host/actor values over the whole incident, so lanes stay put while zooming. Counting
// them scans every event of the incident, so results are kept per incident, filters and import
// state, and dropped when a source changes (its counts or finish time move).
const topCache = new Map<string, { at: number; values: string[] }>();
const TOP_CACHE_MS = 5 * 60_000;
const TOP_CACHE_MAX = 200;

async function importSignature(db: Db, incidentId: string): Promise<string> {
  const [row] = await db.sql.query<{ n: number; c: number; f: string | null }>(
    `SELECT count(*)::int AS n, coalesce(sum(imported_count), 0)::int AS c, max(coalesce(finished_at, imported_at))::text AS f
     FROM sources WHERE incident_id = $1::uuid`,
    [incidentId],
  );
  return `${row?.n}:${row?.c}:${row?.f}`;
}

async function topValues(db: Db, mode: "host" | "actor", scope: EventScope): Promise<string[]> {
  const key = `${scope.incidentId}|${mode}|${JSON.stringify(scope.filters)}|${await importSignature(db, scope.incidentId)}`;
  const hit = topCache.get(key);
  if (hit && Date.now() - hit.at < TOP_CACHE_MS) return hit.values;
  const p = new SqlParams();
  const col = VALUE_COLUMN[mode];
  const where = eventWhere(p, { ...scope, from: undefined, to: undefined });
  const rows = await db.sql.query<{ v: string }>(
    `SELECT ${col} AS v FROM events e WHERE ${where} AND ${col} IS NOT NULL AND ${col} <> ''
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${TOP_LANES}`,
    p.values(),
  );
  const values = rows.map((r) => r.v);
  if (topCache.size >= TOP_CACHE_MAX) topCache.delete(topCache.keys().next().value as string);
  topCache.set(key, { at: Date.now(), values });
  return values;
}

/** The lanes for a mode: stages by position then untagged; sources by import; top hosts/actors, other, none. */
export async function planLanes(
  db: Db,
  mode: LaneMode,
  scope: EventScope,
  stages: readonly StageRow[],
  sources: readonly SourceRow[],
): Promise<LanePlan> {
  if (mode === "stage") {
    const keyById = new Map(stages.map((s) => [s.id, s.key]));
    return {
      lanes: [
        ...stages.map((s) => ({ key: s.key, label: s.name, kind: "stage" as const })),
        { key: UNTAGGED, label: "Untagged", kind: "untagged" },
      ],
      sqlKey: () => "e.stage_id::text",
      keyOf: (r) => (r.stage_id ? (keyById.get(r.stage_id) ?? UNTAGGED) : UNTAGGED),
      fromSql: (v) => (v ? (keyById.get(v) ?? UNTAGGED) : UNTAGGED),
    };
  }
  if (mode === "source") {
    return {
      lanes: sources.map((s) => ({ key: s.id, label: s.name, kind: "source" as const })),
      sqlKey: () => "e.source_id::text",
      keyOf: (r) => r.source_id,
      fromSql: (v) => v ?? "",
    };
  }
  const top = await topValues(db, mode, scope);
  const topSet = new Set(top);
  const col = VALUE_COLUMN[mode];
  const noun = mode === "host" ? "host" : "actor";
  return {
    lanes: [
      ...top.map((v) => ({ key: v, label: v, kind: "value" as const })),
      // Fewer values than lanes: every value has its own, nothing is "other".
      ...(top.length >= TOP_LANES ? [{ key: OTHER_LANE, label: `Other ${noun}s`, kind: "other" as const }] : []),
      { key: NONE_LANE, label: `No ${noun}`, kind: "none" },
    ],
    sqlKey: (p) =>
      `CASE WHEN ${col} IS NULL OR ${col} = '' THEN '${NONE_LANE}' WHEN ${col} = ANY(${p.textArray(top)}) THEN ${col} ELSE '${OTHER_LANE}' END`,
    keyOf: (r) => {
      const v = r[mode];
      return !v ? NONE_LANE : topSet.has(v) ? v : OTHER_LANE;
    },
    fromSql: (v) => v ?? NONE_LANE,
  };
}
