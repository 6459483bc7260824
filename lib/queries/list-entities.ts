import { z } from "zod";
import { can } from "@/lib/access/authorize";
import { escapeLike } from "@/lib/chain/rules/like-pattern";
import type { Ctx } from "@/lib/context/ctx";
import { isoMicros } from "@/lib/db/iso-micros";
import type { EntityKind } from "@/lib/ingest/canonical";

/** Entities listed at most, most events first. */
export const ENTITY_LIST_LIMIT = 200;

// Every kind of entity the importers create (lib/ingest/canonical.ts); a Record so a new kind
// there fails to compile here until it is listed.
const KINDS: Record<EntityKind, true> = {
  account: true,
  host: true,
  ip: true,
  app: true,
  mailbox: true,
  file: true,
  key: true,
  session: true,
  process: true,
  tenant: true,
  url: true,
};
/** The entity kinds the kind filter accepts. */
export const ENTITY_KINDS = Object.keys(KINDS) as [EntityKind, ...EntityKind[]];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The filters of the entity list, from a form's GET parameters or the API's query string. */
export const ZListEntitiesQuery = z.object({
  kind: z.preprocess(blankToUndefined, z.enum(ENTITY_KINDS).optional()),
  /** Part of the value, any case. */
  q: z.preprocess((v) => blankToUndefined(typeof v === "string" ? v.trim() : v), z.string().max(200).optional()),
});
export type TListEntitiesQuery = z.output<typeof ZListEntitiesQuery>;

/** An entity of the incident with how often and when its events happened (times: UTC ISO with microseconds). */
export type EntityListItem = {
  id: string;
  kind: string;
  value: string;
  displayName: string | null;
  eventCount: number;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
};

export type EntityList = {
  entities: EntityListItem[];
  /** Entities that match the filters (the list stops at ENTITY_LIST_LIMIT). */
  total: number;
  /** Entities per kind in the whole incident, for the kind filter. */
  kinds: { kind: string; count: number }[];
};

/** The incident's entities, filtered by kind and by text in the value, most events first (empty when not a member). */
export async function listEntities(ctx: Ctx, incidentId: string, filters: TListEntitiesQuery = {}): Promise<EntityList> {
  const sql = ctx.db.sql;
  if (!UUID.test(incidentId) || !(await can(ctx, incidentId, "evidence.view"))) return { entities: [], total: 0, kinds: [] };
  const [member] = await sql.query<{ ok: number }>(`SELECT 1 AS ok FROM memberships WHERE incident_id = $1 AND user_id = $2`, [
    incidentId,
    ctx.actor.userId,
  ]);
  if (!member) return { entities: [], total: 0, kinds: [] };
  const pattern = filters.q ? `%${escapeLike(filters.q)}%` : null;
  const where = `en.incident_id = $1 AND ($2::text IS NULL OR en.kind = $2) AND ($3::text IS NULL OR en.value ILIKE $3 ESCAPE '\\')`;
  const params = [incidentId, filters.kind ?? null, pattern];
  const [rows, total, kinds] = await Promise.all([
    sql.query<{
      id: string;
      kind: string;
      value: string;
      display_name: string | null;
      event_count: number;
      first_seen: string | null;
      last_seen: string | null;
    }>(
      `SELECT en.id, en.kind, en.value, en.display_name, count(DISTINCT ee.event_id)::int AS event_count,
              ${isoMicros("min(ev.occurred_at)")} AS first_seen, ${isoMicros("max(ev.occurred_at)")} AS last_seen
       FROM entities en LEFT JOIN event_entities ee ON ee.incident_id = en.incident_id AND ee.entity_id = en.id
       LEFT JOIN events ev ON ev.incident_id = ee.incident_id AND ev.id = ee.event_id
       WHERE ${where}
       GROUP BY en.incident_id, en.id ORDER BY event_count DESC, en.kind, en.value LIMIT ${ENTITY_LIST_LIMIT}`,
      params,
    ),
    sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM entities en WHERE ${where}`, params),
    sql.query<{ kind: string; count: number }>(
      `SELECT kind, count(*)::int AS count FROM entities WHERE incident_id = $1 GROUP BY kind ORDER BY count(*) DESC, kind`,
      [incidentId],
    ),
  ]);
  return {
    entities: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      value: r.value,
      displayName: r.display_name,
      eventCount: r.event_count,
      firstSeenAt: r.first_seen,
      lastSeenAt: r.last_seen,
    })),
    total: total[0]?.n ?? 0,
    kinds,
  };
}
