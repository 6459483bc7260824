import { z } from "zod";
import { assertAdmin, authorize } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { type AuditChange, auditDiff } from "./audit-diff";

/** Filters and paging for an audit trail (the page's query string, the API's, the export's). */
export const ZAuditQuery = z.object({
  /** A user id, or text matched against the actor's name, email or label (an address tried). */
  actor: z.string().trim().max(320).optional(),
  /** An action, or its start ("member." matches every membership change). */
  action: z.string().trim().max(100).optional(),
  from: z.iso.date("a date, YYYY-MM-DD").optional(),
  to: z.iso.date("a date, YYYY-MM-DD").optional(),
  /** Keyset cursor: entries older than this id. */
  before: z.string().regex(/^\d+$/, "an entry id").optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type TAuditQuery = z.input<typeof ZAuditQuery>;

/** The query from a URL's parameters, empty fields (an unfilled form) left out. */
export function auditQueryFrom(params: Record<string, string | string[] | undefined>): TAuditQuery {
  const out: Record<string, string> = {};
  for (const key of ["actor", "action", "from", "to", "before", "limit"]) {
    const v = params[key];
    const last = Array.isArray(v) ? v.at(-1) : v;
    if (last?.trim()) out[key] = last;
  }
  return ZAuditQuery.parse(out);
}

/** One audit entry as people read it: names and links, not bare ids, and what changed. */
export type AuditRow = {
  id: string;
  at: Date;
  action: string;
  actor: { id: string; name: string; email: string } | null;
  /** How the actor acted (a token, the CLI) or, with no actor, what was tried. */
  actorLabel: string | null;
  ip: string | null;
  incidentId: string | null;
  entityType: string;
  entityId: string;
  object: { label: string; href: string | null };
  changes: AuditChange[];
  before: unknown;
  after: unknown;
};

type Row = {
  id: string;
  at: Date;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  actor_label: string | null;
  ip_address: string | null;
  incident_id: string | null;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
};

/** Each audited kind of object: the table its name is read from, and the page it links to. */
// perIncident: $2 is the incident (events are partitioned by it: a lookup without it plans every incident's tables).
const OBJECTS: Record<string, { sql: string; perIncident?: true; href?: (incidentId: string | null, id: string) => string | null }> = {
  Incident: { sql: "SELECT id::text, title AS label FROM incidents WHERE id::text = ANY($1)", href: (_i, id) => `/incidents/${id}` },
  User: { sql: "SELECT id::text, name || ' <' || email || '>' AS label FROM users WHERE id::text = ANY($1)" },
  Source: {
    sql: "SELECT id::text, name AS label FROM sources WHERE id::text = ANY($1)",
    href: (i, id) => (i ? `/incidents/${i}/sources/${id}` : null),
  },
  ChainStep: {
    sql: "SELECT id::text, title AS label FROM chain_steps WHERE id::text = ANY($1)",
    href: (i) => (i ? `/incidents/${i}/chain` : null),
  },
  Hypothesis: {
    sql: "SELECT id::text, title AS label FROM hypotheses WHERE id::text = ANY($1)",
    href: (i) => (i ? `/incidents/${i}/chain` : null),
  },
  Stage: { sql: "SELECT id::text, name AS label FROM stages WHERE id::text = ANY($1)", href: (i) => (i ? `/incidents/${i}` : null) },
  Gap: {
    sql: "SELECT id::text, description AS label FROM gaps WHERE id::text = ANY($1)",
    href: (i) => (i ? `/incidents/${i}/timeline` : null),
  },
  ApiToken: { sql: "SELECT id::text, name || ' (' || prefix || '…)' AS label FROM api_tokens WHERE id::text = ANY($1)" },
  Invitation: { sql: "SELECT id::text, email || ' as ' || role::text AS label FROM invitations WHERE id::text = ANY($1)" },
  Event: {
    // By the key's id, not its text (which no index has): an audit page must not scan every event.
    sql: "SELECT id::text, left(message, 120) AS label FROM events WHERE incident_id = $2::uuid AND id = ANY(SELECT x::bigint FROM unnest($1::text[]) x WHERE x ~ '^[0-9]{1,18}$')",
    perIncident: true,
    href: (i, id) => (i && /^\d+$/.test(id) ? `/incidents/${i}/events?event=${id}` : null),
  },
};

/** Names for the objects entries refer to, read once per kind; a deleted object keeps its id. */
async function objectNames(ctx: Ctx, rows: Row[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  // One lookup per kind (and per incident, for a kind looked up within its incident).
  const lookups = new Map<string, { type: string; incidentId: string | null; ids: Set<string> }>();
  for (const r of rows) {
    const incidentId = OBJECTS[r.entity_type]?.perIncident ? r.incident_id : null;
    const key = `${r.entity_type}:${incidentId}`;
    const l = lookups.get(key) ?? lookups.set(key, { type: r.entity_type, incidentId, ids: new Set() }).get(key);
    l?.ids.add(r.entity_id);
  }
  await Promise.all(
    [...lookups.values()].map(async ({ type, incidentId, ids }) => {
      const spec = OBJECTS[type];
      if (!spec || (spec.perIncident && !incidentId)) return;
      const params = spec.perIncident ? [[...ids], incidentId] : [[...ids]];
      for (const r of await ctx.db.sql.query<{ id: string; label: string }>(spec.sql, params)) names.set(`${type}:${r.id}`, r.label);
    }),
  );
  return names;
}

/** A name the entry itself recorded for its object (a deleted source's file name, an incident's title). */
function recordedName(r: Row): string | null {
  for (const side of [r.before, r.after]) {
    if (side && typeof side === "object") {
      const o = side as Record<string, unknown>;
      for (const k of ["name", "title", "email", "value"]) if (typeof o[k] === "string" && o[k]) return o[k] as string;
    }
  }
  return null;
}

/**
 * The object as people read it: its current name, linked; or, when it is gone, the name the entry
 * recorded, marked deleted and not linked; only when neither exists, its kind and id.
 */
function objectOf(r: Row, current: string | undefined): AuditRow["object"] {
  if (current !== undefined) return { label: current, href: OBJECTS[r.entity_type]?.href?.(r.incident_id, r.entity_id) ?? null };
  const recorded = recordedName(r);
  const known = OBJECTS[r.entity_type] !== undefined;
  if (recorded) return { label: known ? `${recorded} (deleted)` : recorded, href: null };
  return { label: `${r.entity_type} ${r.entity_id}`, href: null };
}

/**
 * An audit trail, newest first, a page at a time: an incident's (for those who may see its
 * evidence) or, with incidentId null, the instance's own (the admin: sign-ins, accounts, tokens,
 * settings; never an incident's, which only its members see).
 */
export async function listAudit(
  ctx: Ctx,
  incidentId: string | null,
  input: TAuditQuery = {},
): Promise<{ entries: AuditRow[]; nextCursor: string | null }> {
  const q = ZAuditQuery.parse(input);
  if (incidentId) await authorize(ctx, incidentId, "evidence.view");
  else assertAdmin(ctx, "read");
  const rows = await ctx.db.sql.query<Row>(
    `SELECT a.id::text, a.at, a.action, a.actor_id::text, u.name AS actor_name, u.email AS actor_email, a.actor_label, a.ip_address,
            a.incident_id::text, a.entity_type, a.entity_id, a.before, a.after
     FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_id
     WHERE (a.incident_id = $1::uuid OR ($1::uuid IS NULL AND a.incident_id IS NULL))
       AND ($2::text IS NULL OR a.actor_id::text = $2 OR u.name ILIKE '%' || $2 || '%' OR u.email ILIKE '%' || $2 || '%' OR a.actor_label ILIKE '%' || $2 || '%' OR a.ip_address = $2)
       AND ($3::text IS NULL OR a.action = $3 OR a.action LIKE $3 || '%')
       AND ($4::date IS NULL OR a.at >= $4::date)
       AND ($5::date IS NULL OR a.at < $5::date + 1)
       AND ($6::bigint IS NULL OR a.id < $6::bigint)
     ORDER BY a.id DESC LIMIT $7`,
    [incidentId, q.actor || null, q.action || null, q.from ?? null, q.to ?? null, q.before ?? null, q.limit + 1],
  );
  const page = rows.slice(0, q.limit);
  const names = await objectNames(ctx, page);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: new Date(r.at),
      action: r.action,
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "", email: r.actor_email ?? "" } : null,
      actorLabel: r.actor_label,
      ip: r.ip_address,
      incidentId: r.incident_id,
      entityType: r.entity_type,
      entityId: r.entity_id,
      object: objectOf(r, names.get(`${r.entity_type}:${r.entity_id}`)),
      changes: auditDiff(r.before, r.after),
      before: r.before,
      after: r.after,
    })),
    nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
