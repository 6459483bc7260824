import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { isoMicros } from "@/lib/db/iso-micros";
import { SqlParams } from "@/lib/db/sql-params";
import { type EventSort, type TEventFilters, type TEventListQueryInput, ZEventListQuery } from "@/lib/schemas/annotations";
import type { SeverityLevel } from "@/lib/schemas/timeline";
import { UNTAGGED } from "@/lib/timeline/lanes";
import { messageMatches } from "./message-search-sql";

/** One line of the Events table: the canonical fields, the stage and the annotations' summary. */
export type EventListRow = {
  id: string;
  /** UTC with microseconds, e.g. 2021-04-20T07:42:13.485321Z. */
  occurredAt: string;
  source: { id: string; name: string };
  action: string | null;
  actor: string | null;
  host: string | null;
  srcIp: string | null;
  target: string | null;
  /** The first 500 characters; `messageTruncated` says whether there was more. */
  message: string;
  messageTruncated: boolean;
  stage: { key: string; name: string; position: number } | null;
  technique: string | null;
  severity: SeverityLevel | null;
  starred: boolean;
  /** Marked as a key event by an analyst. */
  isKey: boolean;
  tags: string[];
  commentCount: number;
};

/** How many events match, counted up to a cap so a count never scans millions of rows. */
export type EventTotal = { count: number; isCapped: boolean; label: string };

/** A page of events and the cursor of the next one (null: this was the last). */
export type EventPage = { events: EventListRow[]; nextCursor: string | null; total: EventTotal | null };

/** Counting stops here; past it the total reads "100,000+". */
export const EVENT_COUNT_CAP = 100_000;
/** The most characters of a message a row carries. */
export const MESSAGE_PREVIEW_CHARS = 500;

type SortSpec = {
  /** The leading sort expression before (occurred_at, id); null for the time sort. */
  expr: string | null;
  cast: string;
  needsSource: boolean;
};

const SORTS: Record<EventSort, SortSpec> = {
  time: { expr: null, cast: "", needsSource: false },
  // Enum order (info < … < critical); no severity sorts below info.
  severity: {
    expr: "coalesce(array_position(ARRAY['info','low','medium','high','critical'], e.severity::text), 0)",
    cast: "int",
    needsSource: false,
  },
  source: { expr: "s.name", cast: "text", needsSource: true },
  action: { expr: "coalesce(e.action, '')", cast: "text", needsSource: false },
};

type Cursor = { key: string | number | null; at: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The cursor after a row: its sort key, time and id, as base64url JSON. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.key, c.at, c.id]), "utf8").toString("base64url");
}

/** A cursor back from the client; anything that is not one of ours is refused. */
export function decodeCursor(text: string, sort: EventSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new InvalidCursorError();
  const [key, at, id] = parsed as unknown[];
  if (typeof at !== "string" || !ISO_MICROS.test(at) || typeof id !== "string" || !/^\d{1,18}$/.test(id)) throw new InvalidCursorError();
  const spec = SORTS[sort];
  if (spec.expr === null ? key !== null : spec.cast === "int" ? !Number.isInteger(key) : typeof key !== "string") {
    throw new InvalidCursorError();
  }
  return { key: key as Cursor["key"], at, id };
}

/** A cursor that did not come from this query (or from another sort). */
export class InvalidCursorError extends Error {
  override name = "InvalidCursorError";
  constructor() {
    super("cursor is not valid for this sort; start again without it");
  }
}

/** The WHERE conditions for the filters (alias `e`), incident first so its indexes drive the scan. */
export function filterConditions(p: SqlParams, incidentId: string, q: TEventFilters): string[] {
  const incident = p.add(incidentId);
  const conds = [`e.incident_id = ${incident}::uuid`];
  if (q.from) conds.push(`e.occurred_at >= ${p.add(q.from)}::timestamptz`);
  if (q.to) conds.push(`e.occurred_at < ${p.add(q.to)}::timestamptz`);
  if (q.stage.length) {
    const keys = q.stage.filter((k) => k !== UNTAGGED);
    const parts: string[] = [];
    if (keys.length) {
      parts.push(
        `e.stage_id IN (SELECT st.id FROM stages st WHERE st.incident_id = ${incident}::uuid AND st.key = ANY(${p.textArray(keys)}))`,
      );
    }
    if (q.stage.includes(UNTAGGED)) parts.push("e.stage_id IS NULL");
    conds.push(`(${parts.join(" OR ")})`);
  }
  if (q.source.length) conds.push(`e.source_id = ANY(${p.textArray(q.source)}::uuid[])`);
  if (q.severity.length) conds.push(`e.severity::text = ANY(${p.textArray(q.severity)})`);
  if (q.entity) {
    conds.push(
      `EXISTS (SELECT 1 FROM event_entities ee WHERE ee.incident_id = ${incident}::uuid AND ee.event_id = e.id AND ee.entity_id = ${p.add(q.entity)}::uuid)`,
    );
  }
  if (q.q) conds.push(messageMatches("e.message", p.add(q.q)));
  if (q.starred)
    conds.push("EXISTS (SELECT 1 FROM annotations a WHERE a.event_id = e.id AND a.incident_id = e.incident_id AND a.kind = 'star')");
  if (q.tag) {
    conds.push(
      `EXISTS (SELECT 1 FROM annotations a WHERE a.event_id = e.id AND a.incident_id = e.incident_id AND a.kind = 'tag' AND a.value = ${p.add(q.tag)})`,
    );
  }
  return conds;
}

/** The condition "after the cursor" in the sort's direction. */
function afterCursor(p: SqlParams, spec: SortSpec, cursor: Cursor, isDesc: boolean): string {
  const cmp = isDesc ? "<" : ">";
  const at = p.add(cursor.at);
  const id = p.add(cursor.id);
  if (spec.expr === null) {
    // The plain bound lets the (incident_id, occurred_at) index start at the cursor.
    return `e.occurred_at ${cmp}= ${at}::timestamptz AND (e.occurred_at, e.id) ${cmp} (${at}::timestamptz, ${id}::bigint)`;
  }
  return `(${spec.expr}, e.occurred_at, e.id) ${cmp} (${p.add(cursor.key)}::${spec.cast}, ${at}::timestamptz, ${id}::bigint)`;
}

type Row = {
  id: string;
  occurred_at: string;
  sort_key: string | number | null;
  source_id: string;
  source_name: string;
  action: string | null;
  actor: string | null;
  host: string | null;
  src_ip: string | null;
  target: string | null;
  message: string;
  message_truncated: boolean;
  stage_key: string | null;
  stage_name: string | null;
  stage_position: number | null;
  technique: string | null;
  severity: SeverityLevel | null;
  starred: boolean;
  is_key: boolean;
  tags: string[];
  comment_count: number;
};

/**
 * A page of the incident's events under the filters, in the chosen order, after the cursor
 * (keyset pagination on the sort key, then time, then id, so pages never overlap or skip).
 * The default order walks the (incident_id, occurred_at) index. The first page (no cursor) also
 * counts the matches, up to EVENT_COUNT_CAP. Null when the actor is not a member.
 */
export async function listEvents(ctx: Ctx, incidentId: string, input: TEventListQueryInput = {}): Promise<EventPage | null> {
  const q = ZEventListQuery.parse(input);
  if (!UUID.test(incidentId)) return null;
  if (!(await can(ctx, incidentId, "evidence.view"))) return null;

  const spec = SORTS[q.sort];
  const isDesc = q.dir === "desc";
  const dir = isDesc ? "DESC" : "ASC";
  const cursor = q.cursor ? decodeCursor(q.cursor, q.sort) : null;
  const join = spec.needsSource ? "JOIN sources s ON s.id = e.source_id" : "";

  const p = new SqlParams();
  const conds = filterConditions(p, incidentId, q);
  if (cursor) conds.push(afterCursor(p, spec, cursor, isDesc));
  const order = [...(spec.expr ? [`${spec.expr} ${dir}`] : []), `e.occurred_at ${dir}`, `e.id ${dir}`].join(", ");
  const outerOrder = [...(spec.expr ? [`pg.sort_key ${dir}`] : []), `pg.occurred_at ${dir}`, `pg.id ${dir}`].join(", ");
  const limit = p.add(q.limit + 1);

  // The page is chosen first (inner), then decorated: joins and annotation summaries run for its rows only.
  const pageSql = `
    SELECT pg.id::text AS id, ${isoMicros("pg.occurred_at")} AS occurred_at, pg.sort_key,
           src.id::text AS source_id, src.name AS source_name, pg.action, pg.actor, pg.host, host(pg.src_ip) AS src_ip, pg.target,
           left(pg.message, ${MESSAGE_PREVIEW_CHARS}) AS message, length(pg.message) > ${MESSAGE_PREVIEW_CHARS} AS message_truncated,
           st.key AS stage_key, st.name AS stage_name, st.position AS stage_position, pg.technique, pg.severity::text AS severity,
           coalesce(an.starred, false) AS starred, coalesce(an.is_key, false) AS is_key, coalesce(an.tags, '{}') AS tags,
           coalesce(an.comment_count, 0)::int AS comment_count
    FROM (
      SELECT e.id, e.occurred_at, ${spec.expr ?? "NULL::text"} AS sort_key, e.source_id, e.action, e.actor, e.host, e.src_ip, e.target,
             e.message, e.stage_id, e.technique, e.severity
      FROM events e ${join}
      WHERE ${conds.join(" AND ")}
      ORDER BY ${order}
      LIMIT ${limit}
    ) pg
    JOIN sources src ON src.id = pg.source_id
    LEFT JOIN stages st ON st.id = pg.stage_id
    LEFT JOIN LATERAL (
      SELECT bool_or(a.kind = 'star') AS starred, bool_or(a.kind = 'key_event') AS is_key,
             count(*) FILTER (WHERE a.kind = 'comment') AS comment_count,
             array_agg(DISTINCT a.value ORDER BY a.value) FILTER (WHERE a.kind = 'tag') AS tags
      FROM annotations a WHERE a.event_id = pg.id
    ) an ON true
    ORDER BY ${outerOrder}`;

  const countTotal = async (): Promise<EventTotal | null> => {
    if (cursor) return null;
    const cp = new SqlParams();
    const cc = filterConditions(cp, incidentId, q);
    const [row] = await ctx.db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM events e WHERE ${cc.join(" AND ")} LIMIT ${cp.add(EVENT_COUNT_CAP + 1)}) capped`,
      cp.values(),
    );
    const n = Number(row?.n ?? 0);
    const isCapped = n > EVENT_COUNT_CAP;
    const count = Math.min(n, EVENT_COUNT_CAP);
    return { count, isCapped, label: `${count.toLocaleString("en-US")}${isCapped ? "+" : ""}` };
  };

  const [rows, total] = await Promise.all([ctx.db.sql.query<Row>(pageSql, p.values()), countTotal()]);
  const hasMore = rows.length > q.limit;
  const page = hasMore ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  return {
    events: page.map(toRow),
    nextCursor:
      hasMore && last
        ? encodeCursor({
            key: spec.expr === null ? null : spec.cast === "int" ? Number(last.sort_key) : String(last.sort_key ?? ""),
            at: last.occurred_at,
            id: last.id,
          })
        : null,
    total,
  };
}

function toRow(r: Row): EventListRow {
  return {
    id: r.id,
    occurredAt: r.occurred_at,
    source: { id: r.source_id, name: r.source_name },
    action: r.action,
    actor: r.actor,
    host: r.host,
    srcIp: r.src_ip,
    target: r.target,
    message: r.message,
    messageTruncated: r.message_truncated,
    stage: r.stage_key ? { key: r.stage_key, name: r.stage_name ?? r.stage_key, position: Number(r.stage_position ?? 0) } : null,
    technique: r.technique,
    severity: r.severity,
    starred: r.starred,
    isKey: r.is_key,
    tags: r.tags ?? [],
    commentCount: Number(r.comment_count),
  };
}
