import type { SqlRunner } from "@/lib/db/sql";
import { dropBlock } from "./event-partitions";

/** What removing a source's events took with it. */
export type RemovedRows = { events: number; annotations: number };

/**
 * Deletes a source's events with everything that hangs off them (entity links, rule matches,
 * annotations, chain-step and hypothesis evidence, redaction findings), then tidies the
 * incident's entities: one seen only in these events is deleted, the others' first and last seen
 * are recomputed from the events left. An import's events go with its tables, dropped whole;
 * events written otherwise (a case file, a training copy) are deleted, their links with them.
 * Inside the caller's transaction, with the foreign-key triggers on (the cascades are triggers).
 */
export async function removeSourceEvents(
  tx: SqlRunner,
  incidentId: string,
  sourceId: string,
  opts: { tidyLater?: boolean } = {},
): Promise<RemovedRows> {
  const ofSource = `FROM events e WHERE e.incident_id = $1 AND e.source_id = $2`;
  await tx.query(
    `CREATE TEMP TABLE touched ON COMMIT DROP AS
     SELECT DISTINCT ee.entity_id FROM events e JOIN event_entities ee ON ee.incident_id = e.incident_id AND ee.event_id = e.id
     WHERE e.incident_id = $1 AND e.source_id = $2`,
    [incidentId, sourceId],
  );
  const [ann] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM annotations a JOIN events e ON e.incident_id = a.incident_id AND e.id = a.event_id
     WHERE e.incident_id = $1 AND e.source_id = $2`,
    [incidentId, sourceId],
  );
  const [all] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n ${ofSource}`, [incidentId, sourceId]);
  const [source] = await tx.query<{ block: string | null }>(`SELECT event_block::text AS block FROM sources WHERE id = $1`, [sourceId]);
  if (source?.block) {
    await dropBlock(tx, incidentId, BigInt(source.block));
    await tx.query(`UPDATE sources SET event_block = NULL WHERE id = $1`, [sourceId]);
  }
  await tx.query(
    `DELETE FROM event_entities ee USING events e
     WHERE ee.incident_id = $1 AND e.incident_id = $1 AND e.source_id = $2 AND ee.event_id = e.id`,
    [incidentId, sourceId],
  );
  await tx.query(`DELETE FROM events WHERE incident_id = $1 AND source_id = $2`, [incidentId, sourceId]);
  // A new reading of the same file tidies after its own events are in: the entities both readings
  // name keep their ids (links to them stay good), and first/last seen come from the new times.
  if (!opts.tidyLater) await tidyTouchedEntities(tx, incidentId);
  return { events: all?.n ?? 0, annotations: ann?.n ?? 0 };
}

/**
 * The entities the removed events named: one no event names any more is deleted, the others'
 * first and last seen are recomputed from the events that name them.
 */
export async function tidyTouchedEntities(tx: SqlRunner, incidentId: string): Promise<void> {
  await tx.query(
    `DELETE FROM entities en USING touched t
     WHERE en.incident_id = $1 AND en.id = t.entity_id
       AND NOT EXISTS (SELECT 1 FROM event_entities ee WHERE ee.incident_id = $1 AND ee.entity_id = en.id)`,
    [incidentId],
  );
  await tx.query(
    `UPDATE entities en SET first_seen_at = x.first, last_seen_at = x.last
     FROM (SELECT ee.entity_id, min(e.occurred_at) AS first, max(e.occurred_at) AS last
           FROM touched t JOIN event_entities ee ON ee.incident_id = $1 AND ee.entity_id = t.entity_id
           JOIN events e ON e.incident_id = $1 AND e.id = ee.event_id
           GROUP BY ee.entity_id) x
     WHERE en.incident_id = $1 AND en.id = x.entity_id`,
    [incidentId],
  );
  await tx.exec("DROP TABLE touched");
}

/**
 * Before a source's events are replaced by a new reading of the same file: the analysts' work on
 * them (annotations, stages set by hand, chain-step and hypothesis evidence), keyed by each
 * event's fingerprint, which the new reading gives the same record again.
 */
export async function saveAnalystWork(tx: SqlRunner, incidentId: string, sourceId: string): Promise<void> {
  const of = `FROM events e WHERE e.incident_id = $1 AND e.source_id = $2`;
  await tx.query(
    `CREATE TEMP TABLE carry_annotations ON COMMIT DROP AS
     SELECT a.id, a.kind, a.value, a.author_id, a.created_at, e.fingerprint FROM annotations a JOIN events e ON e.incident_id = a.incident_id AND e.id = a.event_id
     WHERE e.incident_id = $1 AND e.source_id = $2`,
    [incidentId, sourceId],
  );
  await tx.query(
    `CREATE TEMP TABLE carry_stages ON COMMIT DROP AS SELECT e.fingerprint, e.stage_id, e.technique, e.severity ${of} AND e.stage_set_by = 'hand'`,
    [incidentId, sourceId],
  );
  await tx.query(
    `CREATE TEMP TABLE carry_steps ON COMMIT DROP AS
     SELECT c.step_id, c.is_key, e.fingerprint FROM chain_step_events c JOIN events e ON e.incident_id = c.incident_id AND e.id = c.event_id WHERE e.incident_id = $1 AND e.source_id = $2`,
    [incidentId, sourceId],
  );
  await tx.query(
    `CREATE TEMP TABLE carry_hypotheses ON COMMIT DROP AS
     SELECT h.hypothesis_id, h.stance, h.note, h.created_at, e.fingerprint FROM hypothesis_evidence h JOIN events e ON e.incident_id = h.incident_id AND e.id = h.event_id
     WHERE e.incident_id = $1 AND e.source_id = $2`,
    [incidentId, sourceId],
  );
}

/**
 * Puts the saved work back on the new reading's events with the same fingerprint. Returns how many
 * annotations came over, and those that could not because the new reading no longer holds their
 * record (kind, text, author, time: the caller audits them).
 */
export async function restoreAnalystWork(
  tx: SqlRunner,
  incidentId: string,
  sourceId: string,
): Promise<{ carried: number; lost: number; lostAnnotations: unknown[] }> {
  const match = `JOIN events n ON n.incident_id = $1 AND n.source_id = $2 AND n.fingerprint = c.fingerprint`;
  const [ann] = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO annotations (id, incident_id, event_id, kind, value, author_id, created_at)
       SELECT c.id, $1, n.id, c.kind, c.value, c.author_id, c.created_at FROM carry_annotations c ${match}
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [incidentId, sourceId],
  );
  await tx.query(
    `UPDATE events n SET stage_id = c.stage_id, technique = c.technique, severity = c.severity, stage_set_by = 'hand'
     FROM carry_stages c WHERE n.incident_id = $1 AND n.source_id = $2 AND n.fingerprint = c.fingerprint`,
    [incidentId, sourceId],
  );
  await tx.query(
    `INSERT INTO chain_step_events (incident_id, step_id, event_id, is_key)
     SELECT $1, c.step_id, n.id, c.is_key FROM carry_steps c ${match} ON CONFLICT DO NOTHING`,
    [incidentId, sourceId],
  );
  await tx.query(
    `INSERT INTO hypothesis_evidence (incident_id, hypothesis_id, event_id, stance, note, created_at)
     SELECT $1, c.hypothesis_id, n.id, c.stance, c.note, c.created_at FROM carry_hypotheses c ${match} ON CONFLICT DO NOTHING`,
    [incidentId, sourceId],
  );
  // What no record of the new reading takes: kept in the audit entry, so an analyst's words are never lost for good.
  const lost = await tx.query<{ kind: string; value: string; author_id: string; created_at: string; fingerprint: string }>(
    `SELECT c.kind::text, c.value, c.author_id::text, c.created_at::text, c.fingerprint FROM carry_annotations c
     WHERE NOT EXISTS (SELECT 1 FROM events n WHERE n.incident_id = $1 AND n.source_id = $2 AND n.fingerprint = c.fingerprint)`,
    [incidentId, sourceId],
  );
  await tx.exec("DROP TABLE carry_annotations, carry_stages, carry_steps, carry_hypotheses");
  return { carried: ann?.n ?? 0, lost: lost.length, lostAnnotations: lost };
}
