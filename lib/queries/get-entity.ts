import { z } from "zod";
import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { isoMicros } from "@/lib/db/iso-micros";

/** Events per page of an entity's event list. */
export const ENTITY_EVENTS_PAGE_SIZE = 100;
/** Related entities shown, most shared first. */
export const RELATED_LIMIT = 50;
/** Characters of an event's message returned. */
export const MESSAGE_LIMIT = 300;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_(\d{1,19})$/;

/** Where the next page of events starts: after this event, by (occurred_at, id). */
export type EntityEventsCursor = { occurredAt: string; eventId: string };

/** A cursor as it travels in a URL: `<occurred_at, µs ISO>_<event id>`, e.g. `2023-06-14T08:05:00.500000Z_1234`. */
export const ZEntityEventsCursor = z
  .string()
  .regex(CURSOR, "not a page cursor (expected <time>_<event id>, as given in nextCursor)")
  .transform((s): EntityEventsCursor => {
    const m = CURSOR.exec(s);
    return { occurredAt: m?.[1] ?? "", eventId: m?.[2] ?? "" };
  });

/** The query string of an entity read: `?after=<cursor>` for the next page of events. */
export const ZGetEntityQuery = z.object({
  after: z.preprocess((v) => (v === "" || v === null ? undefined : v), ZEntityEventsCursor.optional()),
});

export function encodeEntityEventsCursor(c: EntityEventsCursor): string {
  return `${c.occurredAt}_${c.eventId}`;
}

/** How a related entity is tied to this one, in words. */
export function relationOf(kind: string): string {
  switch (kind) {
    case "session":
      return "same session";
    case "ip":
      return "same IP";
    case "host":
      return "same host";
    case "account":
      return "same account";
    default:
      return "co-occurs";
  }
}

/** A stage the entity's events are tagged with. */
export type EntityStage = { key: string; name: string; position: number; count: number; firstSeenAt: string; lastSeenAt: string };

/** A source the entity's events come from. */
export type EntitySource = { id: string; name: string; count: number };

/** An entity seen in the same events as this one. */
export type RelatedEntity = {
  id: string;
  kind: string;
  value: string;
  displayName: string | null;
  /** Events both entities appear in. */
  sharedCount: number;
  /** The related entity's roles in those events, most frequent first. */
  roles: string[];
  /** "same session", "same IP", "same host", "same account" or "co-occurs". */
  relation: string;
};

/** One of the entity's events, as the events table shows it. Times are UTC ISO with microseconds. */
export type EntityEvent = {
  id: string;
  occurredAt: string;
  sourceName: string;
  action: string | null;
  actor: string | null;
  srcIp: string | null;
  /** The first MESSAGE_LIMIT characters; isMessageTruncated says whether there was more. */
  message: string;
  isMessageTruncated: boolean;
  stageKey: string | null;
  stageName: string | null;
  technique: string | null;
  severity: string | null;
  /** How this entity appears in the event (actor, src, target…). */
  roles: string[];
};

/** An entity with what its events say about it, and one page of those events. */
export type EntityDetail = {
  id: string;
  incidentId: string;
  kind: string;
  value: string;
  displayName: string | null;
  eventCount: number;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  stages: EntityStage[];
  /** Events of this entity with no stage. */
  unstagedCount: number;
  sources: EntitySource[];
  related: RelatedEntity[];
  /** The chain steps whose evidence names this entity, in chain order, with how many of their events do. */
  steps: { id: string; stageKey: string; stageName: string; title: string; events: number }[];
  events: EntityEvent[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
};

export type GetEntityOptions = {
  /** Events after this cursor; the first page when absent. */
  after?: EntityEventsCursor;
  /** Events per page (tests use small pages). */
  pageSize?: number;
};

// The entity's events, once each (an entity can appear in one event under two roles).
// Every statement names the incident ($incident): events and links are partitioned by it, and a
// statement that does not name it plans every incident's tables.
const MINE = (incident: string) =>
  `mine AS (SELECT incident_id, event_id, array_agg(role ORDER BY role) AS roles FROM event_entities
            WHERE incident_id = ${incident}::uuid AND entity_id = $1 GROUP BY incident_id, event_id)`;

/** An entity of the incident with its span, stages, sources, related entities and a page of events; null when not found or not a member. */
export async function getEntity(
  ctx: Ctx,
  incidentId: string,
  entityId: string,
  options: GetEntityOptions = {},
): Promise<EntityDetail | null> {
  if (!UUID.test(incidentId) || !UUID.test(entityId) || !(await can(ctx, incidentId, "evidence.view"))) return null;
  const sql = ctx.db.sql;
  const [entity] = await sql.query<{ id: string; kind: string; value: string; display_name: string | null }>(
    `SELECT en.id, en.kind, en.value, en.display_name
     FROM entities en JOIN memberships m ON m.incident_id = en.incident_id AND m.user_id = $3
     WHERE en.id = $1 AND en.incident_id = $2`,
    [entityId, incidentId, ctx.actor.userId],
  );
  if (!entity) return null;
  const pageSize = options.pageSize ?? ENTITY_EVENTS_PAGE_SIZE;
  const after = options.after ?? null;

  const [span, stages, sources, related, events, steps] = await Promise.all([
    sql.query<{ event_count: number; first_seen: string | null; last_seen: string | null; unstaged: number }>(
      `WITH ${MINE("$2")}
       SELECT count(*)::int AS event_count, ${isoMicros("min(ev.occurred_at)")} AS first_seen, ${isoMicros("max(ev.occurred_at)")} AS last_seen,
              (count(*) FILTER (WHERE ev.stage_id IS NULL))::int AS unstaged
       FROM mine JOIN events ev ON ev.incident_id = $2 AND ev.id = mine.event_id`,
      [entityId, incidentId],
    ),
    sql.query<{ key: string; name: string; position: number; count: number; first_seen: string; last_seen: string }>(
      `WITH ${MINE("$2")}
       SELECT st.key, st.name, st.position, count(*)::int AS count, ${isoMicros("min(ev.occurred_at)")} AS first_seen, ${isoMicros("max(ev.occurred_at)")} AS last_seen
       FROM mine JOIN events ev ON ev.incident_id = $2 AND ev.id = mine.event_id JOIN stages st ON st.id = ev.stage_id
       GROUP BY st.incident_id, st.id ORDER BY st.position`,
      [entityId, incidentId],
    ),
    sql.query<{ id: string; name: string; count: number }>(
      `WITH ${MINE("$2")}
       SELECT s.id, s.name, count(*)::int AS count
       FROM mine JOIN events ev ON ev.incident_id = $2 AND ev.id = mine.event_id JOIN sources s ON s.id = ev.source_id
       GROUP BY s.incident_id, s.id ORDER BY count(*) DESC, s.name`,
      [entityId, incidentId],
    ),
    sql.query<{ id: string; kind: string; value: string; display_name: string | null; shared: number; roles: string[] }>(
      `WITH ${MINE("$2")},
       links AS (
         SELECT ee.entity_id, ee.event_id, ee.role FROM mine JOIN event_entities ee ON ee.incident_id = $2 AND ee.event_id = mine.event_id AND ee.entity_id <> $1
       ),
       top AS (
         SELECT entity_id, count(DISTINCT event_id)::int AS shared FROM links GROUP BY entity_id
       ),
       roles AS (
         SELECT entity_id, array_agg(role ORDER BY n DESC, role) AS roles
         FROM (SELECT entity_id, role, count(*) AS n FROM links GROUP BY entity_id, role) r GROUP BY entity_id
       )
       SELECT o.id, o.kind, o.value, o.display_name, top.shared, roles.roles
       FROM top JOIN entities o ON o.id = top.entity_id JOIN roles USING (entity_id)
       ORDER BY top.shared DESC, o.kind, o.value LIMIT ${RELATED_LIMIT}`,
      [entityId, incidentId],
    ),
    sql.query<{
      id: string;
      occurred: string;
      source_name: string;
      action: string | null;
      actor: string | null;
      src_ip: string | null;
      message: string;
      message_length: number;
      stage_key: string | null;
      stage_name: string | null;
      technique: string | null;
      severity: string | null;
      roles: string[];
    }>(
      `WITH ${MINE("$5")}
       SELECT ev.id::text AS id, ${isoMicros("ev.occurred_at")} AS occurred, s.name AS source_name, ev.action, ev.actor, host(ev.src_ip) AS src_ip,
              left(ev.message, ${MESSAGE_LIMIT}) AS message, length(ev.message) AS message_length,
              st.key AS stage_key, st.name AS stage_name, ev.technique, ev.severity::text AS severity, mine.roles
       FROM mine JOIN events ev ON ev.incident_id = $5 AND ev.id = mine.event_id JOIN sources s ON s.id = ev.source_id LEFT JOIN stages st ON st.id = ev.stage_id
       WHERE $2::timestamptz IS NULL OR (ev.occurred_at, ev.id) > ($2::timestamptz, $3::bigint)
       ORDER BY ev.occurred_at, ev.id LIMIT $4`,
      [entityId, after?.occurredAt ?? null, after?.eventId ?? null, pageSize + 1, incidentId],
    ),
    sql.query<{ id: string; stage_key: string; stage_name: string; title: string; n: number }>(
      `SELECT cs.id, st.key AS stage_key, st.name AS stage_name, cs.title, count(DISTINCT cse.event_id)::int AS n
       FROM event_entities ee JOIN chain_step_events cse ON cse.incident_id = ee.incident_id AND cse.event_id = ee.event_id
       JOIN chain_steps cs ON cs.incident_id = cse.incident_id AND cs.id = cse.step_id JOIN stages st ON st.id = cs.stage_id
       WHERE ee.incident_id = $2 AND ee.entity_id = $1 AND cs.incident_id = $2
       GROUP BY cs.incident_id, cs.id, st.key, st.name, st.position, cs.title ORDER BY st.position`,
      [entityId, incidentId],
    ),
  ]);

  const page = events.slice(0, pageSize);
  const last = page.at(-1);
  const s = span[0];
  return {
    id: entity.id,
    incidentId,
    kind: entity.kind,
    value: entity.value,
    displayName: entity.display_name,
    eventCount: s?.event_count ?? 0,
    firstSeenAt: s?.first_seen ?? null,
    lastSeenAt: s?.last_seen ?? null,
    stages: stages.map((r) => ({
      key: r.key,
      name: r.name,
      position: r.position,
      count: r.count,
      firstSeenAt: r.first_seen,
      lastSeenAt: r.last_seen,
    })),
    unstagedCount: s?.unstaged ?? 0,
    sources: sources.map((r) => ({ id: r.id, name: r.name, count: r.count })),
    related: related.map((r) => ({
      id: r.id,
      kind: r.kind,
      value: r.value,
      displayName: r.display_name,
      sharedCount: r.shared,
      roles: r.roles,
      relation: relationOf(r.kind),
    })),
    steps: steps.map((r) => ({ id: r.id, stageKey: r.stage_key, stageName: r.stage_name, title: r.title, events: r.n })),
    events: page.map((r) => ({
      id: r.id,
      occurredAt: r.occurred,
      sourceName: r.source_name,
      action: r.action,
      actor: r.actor,
      srcIp: r.src_ip,
      message: r.message,
      isMessageTruncated: r.message_length > MESSAGE_LIMIT,
      stageKey: r.stage_key,
      stageName: r.stage_name,
      technique: r.technique,
      severity: r.severity,
      roles: r.roles,
    })),
    nextCursor: events.length > pageSize && last ? encodeEntityEventsCursor({ occurredAt: last.occurred, eventId: last.id }) : null,
  };
}
