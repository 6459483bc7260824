import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { isoMicros } from "@/lib/db/iso-micros";

/** One analyst mark on an event: who made it, when, and what it says. */
export type AnnotationView = {
  id: string;
  kind: "tag" | "star" | "comment" | "key_event";
  /** The tag or the comment text; empty for star and key_event. */
  value: string;
  author: { id: string; name: string };
  /** UTC with microseconds. */
  createdAt: string;
};

/** An event's annotations, oldest first, and the chain steps it is evidence for. */
export type EventAnnotations = {
  eventId: string;
  annotations: AnnotationView[];
  chainSteps: { id: string; title: string; stageKey: string; stageName: string; isKey: boolean }[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_ID = /^\d{1,18}$/;

/** The event's annotations with their authors, and its chain steps; null when it is not the incident's or the actor is not a member. */
export async function listAnnotations(ctx: Ctx, incidentId: string, eventId: string): Promise<EventAnnotations | null> {
  if (!UUID.test(incidentId) || !EVENT_ID.test(eventId) || !(await can(ctx, incidentId, "evidence.view"))) return null;
  const [event] = await ctx.db.sql.query(
    `SELECT 1 FROM events e JOIN memberships m ON m.incident_id = e.incident_id AND m.user_id = $3
     WHERE e.id = $1::bigint AND e.incident_id = $2::uuid`,
    [eventId, incidentId, ctx.actor.userId],
  );
  if (!event) return null;
  const [annotations, steps] = await Promise.all([
    ctx.db.sql.query<{
      id: string;
      kind: AnnotationView["kind"];
      value: string;
      author_id: string;
      author_name: string;
      created_at: string;
    }>(
      `SELECT a.id::text AS id, a.kind::text AS kind, a.value, u.id::text AS author_id, u.name AS author_name, ${isoMicros("a.created_at")} AS created_at
       FROM annotations a JOIN users u ON u.id = a.author_id
       WHERE a.event_id = $1::bigint AND a.incident_id = $2::uuid ORDER BY a.created_at, a.id LIMIT 1000`,
      [eventId, incidentId],
    ),
    ctx.db.sql.query<{ id: string; title: string; stage_key: string; stage_name: string; is_key: boolean }>(
      `SELECT cs.id::text AS id, cs.title, st.key AS stage_key, st.name AS stage_name, ce.is_key
       FROM chain_step_events ce JOIN chain_steps cs ON cs.id = ce.step_id JOIN stages st ON st.id = cs.stage_id
       WHERE ce.event_id = $1::bigint AND cs.incident_id = $2::uuid ORDER BY cs.position, cs.title`,
      [eventId, incidentId],
    ),
  ]);
  return {
    eventId,
    annotations: annotations.map((a) => ({
      id: a.id,
      kind: a.kind,
      value: a.value,
      author: { id: a.author_id, name: a.author_name },
      createdAt: a.created_at,
    })),
    chainSteps: steps.map((s) => ({ id: s.id, title: s.title, stageKey: s.stage_key, stageName: s.stage_name, isKey: s.is_key })),
  };
}

/** The incident's tags with how many events carry each, most used first (empty when not a member). */
export async function listIncidentTags(ctx: Ctx, incidentId: string): Promise<{ tag: string; count: number }[]> {
  if (!UUID.test(incidentId) || !(await can(ctx, incidentId, "evidence.view"))) return [];
  const rows = await ctx.db.sql.query<{ tag: string; n: number }>(
    `SELECT a.value AS tag, count(DISTINCT a.event_id)::int AS n
     FROM annotations a JOIN memberships m ON m.incident_id = a.incident_id AND m.user_id = $2
     WHERE a.incident_id = $1::uuid AND a.kind = 'tag' GROUP BY a.value ORDER BY n DESC, a.value LIMIT 500`,
    [incidentId, ctx.actor.userId],
  );
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}
