import type { SqlRunner } from "@/lib/db/sql";

/** The kinds of entity a step names: who, from where, on what, with which app or key, touching which file or mailbox. */
export const STEP_ENTITY_KINDS = ["account", "ip", "host", "app", "key", "mailbox", "file"] as const;

/** How many of each kind a step names (the rest are counted). */
const PER_KIND = 5;

/** One entity a step's evidence involves: how many of the step's events name it, and how many of its kind the step has. */
export type StepEntity = { entityId: string; kind: string; value: string; events: number; ofKind: number };

/**
 * The key entities of each chain step of an incident: for every kind, the entities named by most of
 * the step's evidence events, with counts. One query over the evidence links.
 */
export async function readStepEntities(sql: SqlRunner, incidentId: string, stepIds?: string[]): Promise<Map<string, StepEntity[]>> {
  const rows = await sql.query<{ step_id: string; entity_id: string; kind: string; value: string; n: number; of_kind: number }>(
    `WITH counted AS (
       SELECT cse.step_id, en.id AS entity_id, en.kind, coalesce(en.display_name, en.value) AS value, count(DISTINCT cse.event_id)::int AS n
       FROM chain_steps cs
       JOIN chain_step_events cse ON cse.incident_id = cs.incident_id AND cse.step_id = cs.id
       JOIN event_entities ee ON ee.incident_id = cse.incident_id AND ee.event_id = cse.event_id
       JOIN entities en ON en.incident_id = ee.incident_id AND en.id = ee.entity_id
       WHERE cs.incident_id = $1 AND en.kind = ANY($2::text[]) AND ($4::uuid[] IS NULL OR cs.id = ANY($4::uuid[]))
       GROUP BY cse.step_id, en.incident_id, en.id)
     SELECT step_id, entity_id, kind, value, n, of_kind FROM (
       SELECT c.*, count(*) OVER (PARTITION BY step_id, kind)::int AS of_kind,
              row_number() OVER (PARTITION BY step_id, kind ORDER BY n DESC, value) AS r
       FROM counted c) ranked
     WHERE r <= $3
     ORDER BY step_id, array_position($2::text[], kind), n DESC, value`,
    [incidentId, [...STEP_ENTITY_KINDS], PER_KIND, stepIds ?? null],
  );
  const out = new Map<string, StepEntity[]>();
  for (const r of rows) {
    const list = out.get(r.step_id) ?? [];
    list.push({ entityId: r.entity_id, kind: r.kind, value: r.value, events: r.n, ofKind: r.of_kind });
    out.set(r.step_id, list);
  }
  return out;
}
