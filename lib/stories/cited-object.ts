import { isoMicros } from "@/lib/db/iso-micros";
import type { SqlRunner } from "@/lib/db/sql";

/**
 * What a citation shows of the object it cites, read the same way when it is cited (and frozen)
 * and later (to say whether it changed since). Every value is text or a number: log content is
 * shown as text, never as HTML, and two readings compare field by field.
 */
export const CITATION_KINDS = ["event", "step", "gap", "hypothesis", "entity", "view", "figure"] as const;
export type CitationKind = (typeof CITATION_KINDS)[number];
export type CitedFields = Record<string, string | number | boolean | null>;

const t = isoMicros;

const READERS: Record<Exclude<CitationKind, "view" | "figure">, string> = {
  // The event's time to the microsecond, where it came from, and what the analysts made of it.
  event: `SELECT ${t("e.occurred_at")} AS "time", s.name AS "source", e.line_number AS "line", e.message AS "message",
            e.action AS "action", e.actor AS "actor", e.host AS "host", st.name AS "stage", e.technique AS "technique"
          FROM events e JOIN sources s ON s.id = e.source_id LEFT JOIN stages st ON st.id = e.stage_id
          WHERE e.incident_id = $1 AND e.id = $2::bigint`,
  step: `SELECT c.title AS "title", st.name AS "stage", ${t("c.start_at")} AS "start", ${t("c.end_at")} AS "end",
           c.time_precision AS "precision", c.confidence::text AS "confidence", c.confidence_score AS "score",
           c.is_inferred AS "inferred", c.rationale AS "rationale"
         FROM chain_steps c JOIN stages st ON st.id = c.stage_id WHERE c.incident_id = $1 AND c.id = $2::uuid`,
  gap: `SELECT coalesce(s.name, g.scope) AS "scope", ${t("g.start_at")} AS "start", ${t("g.end_at")} AS "end",
          g.reason::text AS "reason", g.origin::text AS "origin", g.description AS "description"
        FROM gaps g LEFT JOIN sources s ON s.id = g.source_id WHERE g.incident_id = $1 AND g.id = $2::uuid`,
  hypothesis: `SELECT h.title AS "title", h.status::text AS "status", h.description AS "description", h.source AS "source"
               FROM hypotheses h WHERE h.incident_id = $1 AND h.id = $2::uuid`,
  entity: `SELECT en.kind AS "kind", coalesce(en.display_name, en.value) AS "value", ${t("en.first_seen_at")} AS "firstSeen",
             ${t("en.last_seen_at")} AS "lastSeen", (SELECT count(*)::int FROM event_entities x WHERE x.incident_id = $1 AND x.entity_id = en.id) AS "events"
           FROM entities en WHERE en.incident_id = $1 AND en.id = $2::uuid`,
};

export const REF_SHAPE: Record<CitationKind, RegExp> = {
  event: /^\d{1,18}$/,
  step: /^[0-9a-f-]{36}$/i,
  gap: /^[0-9a-f-]{36}$/i,
  hypothesis: /^[0-9a-f-]{36}$/i,
  entity: /^[0-9a-f-]{36}$/i,
  // A saved timeline view: its query string (window, lanes, filters), as the timeline's URL keeps it.
  view: /^[\w\-.~%=&+,:]{0,2000}$/,
  // A figure: the timeline view it was drawn from.
  figure: /^[\w\-.~%=&+,:]{0,2000}$/,
};

/** The object as it is now, or null when it is not this incident's (or no longer exists). */
export async function readCitedObject(sql: SqlRunner, incidentId: string, kind: CitationKind, ref: string): Promise<CitedFields | null> {
  if (!REF_SHAPE[kind].test(ref)) return null;
  if (kind === "view") return { view: ref };
  // A figure is a picture taken once: what it shows is its frozen SVG, never re-read.
  if (kind === "figure") return null;
  const [row] = await sql.query<CitedFields>(READERS[kind], [incidentId, ref]);
  return row ?? null;
}

/** The fields whose value differs between the frozen and the live reading ("changed since cited"). */
export function changedFields(frozen: CitedFields, live: CitedFields | null): { field: string; cited: unknown; now: unknown }[] {
  if (!live) return [{ field: "(the object)", cited: "cited", now: "no longer exists" }];
  return Object.keys(frozen)
    .filter((k) => (frozen[k] ?? null) !== (live[k] ?? null))
    .map((k) => ({ field: k, cited: frozen[k] ?? null, now: live[k] ?? null }));
}
