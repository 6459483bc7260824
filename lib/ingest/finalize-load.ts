import type { SqlRunner } from "@/lib/db/sql";
import {
  analyzeBlock,
  attachBlock,
  blockBounds,
  blockIndexStatements,
  blockTable,
  createLoadTables,
  dropBlock,
  takeEventBlock,
} from "./event-partitions";
import type { FinalizeArgs } from "./finalize-source";

// The statements of an import's final step that load its rows. Their temp tables (fp, ins, refs)
// live for the session, not the transaction, as the load may commit before the rest
// (finalize-overlap.ts); dropTempTables removes them.

// Fingerprint: the format's native id when it has one; otherwise the content hash plus how many
// times the same content occurred earlier in this file (two identical syslog lines stay two
// events, while the same line imported again from another file is a duplicate). Computed once,
// into a narrow temp table, because inserting events, linking entities and recording findings
// all need it. Most content occurs once, so only the repeated hashes are sorted to be numbered.
const FINGERPRINTS = (t: string) => `
CREATE TEMP TABLE fp AS
WITH repeated AS MATERIALIZED (
  SELECT content_hash FROM ${t} WHERE native_id IS NULL GROUP BY content_hash HAVING count(*) > 1)
SELECT seq, true AS native, 'id:' || native_id AS fingerprint FROM ${t} WHERE native_id IS NOT NULL
UNION ALL
SELECT seq, false, 'h:' || content_hash || ':1' FROM ${t} s
WHERE native_id IS NULL AND NOT EXISTS (SELECT 1 FROM repeated r WHERE r.content_hash = s.content_hash)
UNION ALL
SELECT seq, false, 'h:' || content_hash || ':' || row_number() OVER (PARTITION BY content_hash ORDER BY line_number, seq)
FROM ${t} WHERE native_id IS NULL AND content_hash IN (SELECT content_hash FROM repeated)`;

// The rows that become events, with their ids: the first row of each fingerprint in this file
// (a native id can repeat within a file; content fingerprints are unique by construction),
// unless the incident already holds that fingerprint (the reading this one replaces aside: its
// events go at the end). Deciding this with one anti-join under the incident's import lock, then
// inserting plainly, costs a third of what INSERT … ON CONFLICT … RETURNING does row by row. The
// ids are the import's block of ids, in turn.
const NEW_ROWS = `
CREATE TEMP TABLE ins AS
SELECT $2::bigint + row_number() OVER () AS id, f.seq, f.fingerprint
FROM (SELECT seq, fingerprint FROM fp WHERE NOT native
      UNION ALL
      SELECT min(seq), fingerprint FROM fp WHERE native GROUP BY fingerprint) f
WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.incident_id = $1 AND e.fingerprint = f.fingerprint
                  AND e.source_id IS DISTINCT FROM $3::uuid)`;

const INSERT_EVENTS = (t: string, into: string) => `
INSERT INTO "${into}" (id, incident_id, source_id, occurred_at, timestamp_text, assumed_zone, timestamp_desc, action, category,
                    outcome, actor, host, src_ip, dst_ip, target, message, raw, fields, line_number, fingerprint)
SELECT i.id, $1, s.source_id, s.occurred_at, s.timestamp_text, s.assumed_zone, s.timestamp_desc, s.action, s.category,
       s.outcome, s.actor, s.host, s.src_ip, s.dst_ip, s.target, s.message, s.raw, s.fields, s.line_number, i.fingerprint
FROM ins i JOIN ${t} s USING (seq)`;

// Entities of the inserted events: created once per incident, linked per event with a role,
// and their first/last seen widened by these events. The references go to a temp table once,
// as both statements read them. A staged row's entities are distinct by (kind, value, role)
// (entitiesOf) and its event is new, so the links need neither DISTINCT nor ON CONFLICT.
const ENTITY_REFS = (t: string) => `
CREATE TEMP TABLE refs AS
SELECT i.id AS event_id, e->>'kind' AS kind, e->>'value' AS value, e->>'role' AS role, s.occurred_at
FROM ins i JOIN ${t} s USING (seq) CROSS JOIN LATERAL jsonb_array_elements(s.entities) e
WHERE s.entities IS NOT NULL`;

const UPSERT_ENTITIES = `
INSERT INTO entities AS en (incident_id, kind, value, first_seen_at, last_seen_at)
SELECT $1, kind, value, min(occurred_at), max(occurred_at) FROM refs GROUP BY kind, value
ON CONFLICT (incident_id, kind, value) DO UPDATE
  SET first_seen_at = LEAST(en.first_seen_at, EXCLUDED.first_seen_at), last_seen_at = GREATEST(en.last_seen_at, EXCLUDED.last_seen_at)`;

const LINK_ENTITIES = (into: string) => `
INSERT INTO "${into}" (incident_id, event_id, entity_id, role)
SELECT $1, r.event_id, en.id, r.role FROM refs r JOIN entities en ON en.incident_id = $1 AND en.kind = r.kind AND en.value = r.value`;

export const RECORD_FINDINGS = (t: string) => `
WITH x AS (
  INSERT INTO redaction_findings (incident_id, source_id, event_id, field, kind, hint)
  SELECT $2, $1, ins.id, f->>'field', f->>'kind', f->>'hint'
  FROM ins JOIN ${t} s USING (seq) CROSS JOIN LATERAL jsonb_array_elements(s.findings) f
  WHERE s.findings IS NOT NULL
  RETURNING 1)
SELECT count(*)::int AS n FROM x`;

/** The load's temp tables, gone (they outlive a transaction on purpose). */
export async function dropTempTables(tx: SqlRunner): Promise<void> {
  await tx.exec(`DROP TABLE IF EXISTS pg_temp.fp, pg_temp.ins, pg_temp.refs`);
}

/**
 * The staged rows that are new, loaded into the import's own events table (made here under a new
 * block of ids, no index), the source naming the block. With none, the table is dropped again.
 */
export async function loadNewEvents(
  tx: SqlRunner,
  args: FinalizeArgs,
  staging: string,
  replaces: string | null,
): Promise<{ block: bigint; imported: number }> {
  await dropTempTables(tx);
  const block = await takeEventBlock(tx);
  await createLoadTables(tx, args.incidentId, block);
  // Temp tables have no statistics until analysed, and without them the planner sorts every
  // wide staged row for a merge join instead of hashing the narrow side.
  await tx.exec(FINGERPRINTS(staging));
  await tx.query(NEW_ROWS, [args.incidentId, blockBounds(block).from.toString(), replaces]);
  await tx.exec(`ANALYZE ins`);
  await tx.query(INSERT_EVENTS(staging, blockTable("events", block)), [args.incidentId]);
  const [ins] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ins`);
  const imported = ins?.n ?? 0;
  if (imported) await tx.query(`UPDATE sources SET event_block = $2 WHERE id = $1`, [args.sourceId, block.toString()]);
  else await dropBlock(tx, args.incidentId, block);
  return { block, imported };
}

/**
 * The rest of the load: the new events' entities created once per incident (first/last seen
 * widened) and linked into the import's own links table; every index built over the whole load
 * (the GIN index here, or awaited from the connection building it); statistics; attached. The
 * builds take a lock the GIN build shares, the primary keys one it does not, so the keys come last.
 */
export async function linkIndexAttach(
  tx: SqlRunner,
  args: FinalizeArgs,
  staging: string,
  block: bigint,
  gin: "here" | Promise<void>,
): Promise<void> {
  await tx.exec(`${ENTITY_REFS(staging)}; ANALYZE refs`);
  await tx.query(UPSERT_ENTITIES, [args.incidentId]);
  await tx.query(LINK_ENTITIES(blockTable("event_entities", block)), [args.incidentId]);
  const indexes = await blockIndexStatements(tx, block);
  for (const statement of indexes.rest) await tx.exec(statement);
  if (gin === "here") for (const statement of indexes.gin) await tx.exec(statement);
  else await gin;
  for (const statement of indexes.constrain) await tx.exec(statement);
  await analyzeBlock(tx, block);
  await attachBlock(tx, args.incidentId, block);
}
