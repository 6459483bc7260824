import type { SqlRunner } from "@/lib/db/sql";
import { analyzeBlock, attachBlock, type BlockIndexes, dropLeftoverBlock, scratchTables } from "./event-partitions";
import type { FinalizeArgs } from "./finalize-source";
import { loadTables } from "./load-tables";

// The final step's statements over what the import wrote while reading (load-tables.ts). Their
// temp tables (rep, gone) live for the session, not the transaction, as the first part may commit
// before the rest (finalize-overlap.ts); dropTempTables removes them.

// Fingerprint: the format's native id when it has one; otherwise the content hash plus how many
// times the same content occurred earlier in this file (two identical syslog lines stay two
// events, while the same line imported again from another file is a duplicate). Each row was
// written numbered 1; the fingerprints that occur more than once are found in one pass, and only
// their rows are read again, numbered in file order, or (a repeated native id) kept once.
const REPEATED = (t: string) => `
CREATE TEMP TABLE rep AS SELECT fingerprint FROM "${t}" GROUP BY fingerprint HAVING count(*) > 1`;

const RENUMBER = (t: string) => `
UPDATE "${t}" e SET fingerprint = left(e.fingerprint, -1) || n.k
FROM (SELECT id, row_number() OVER (PARTITION BY fingerprint ORDER BY line_number, id) AS k
      FROM "${t}" WHERE fingerprint IN (SELECT fingerprint FROM rep WHERE fingerprint LIKE 'h:%')) n
WHERE e.id = n.id AND n.k > 1`;

// The rows that do not become events: a native id's later occurrences in this file, and every
// fingerprint the incident already holds (the reading this one replaces aside: its events go at
// the end), decided with one anti-join under the incident's import lock.
const GONE = (t: string, repeats: boolean) => `
CREATE TEMP TABLE gone AS
${
  repeats
    ? `SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY fingerprint ORDER BY id) AS k
                   FROM "${t}" WHERE fingerprint IN (SELECT fingerprint FROM rep WHERE fingerprint LIKE 'id:%')) d WHERE k > 1
UNION`
    : ""
}
SELECT b.id FROM "${t}" b
WHERE EXISTS (SELECT 1 FROM events e WHERE e.incident_id = $1 AND e.fingerprint = b.fingerprint AND e.source_id IS DISTINCT FROM $2::uuid)`;

/** Rows of a scratch table whose event stays (every row when none goes). */
const kept = (alias: string, anyGone: boolean) =>
  anyGone ? ` WHERE NOT EXISTS (SELECT 1 FROM gone g WHERE g.id = ${alias}.event_id)` : "";

// Entities of the kept events: created once per incident, linked per event with a role, and their
// first/last seen widened by these events. A row's entities are distinct by (kind, value, role)
// (entitiesOf) and its event is new, so the links need neither DISTINCT nor ON CONFLICT.
const UPSERT_ENTITIES = (refs: string, anyGone: boolean) => `
INSERT INTO entities AS en (incident_id, kind, value, first_seen_at, last_seen_at)
SELECT $1, kind, value, min(occurred_at), max(occurred_at) FROM "${refs}" r${kept("r", anyGone)} GROUP BY kind, value
ON CONFLICT (incident_id, kind, value) DO UPDATE
  SET first_seen_at = LEAST(en.first_seen_at, EXCLUDED.first_seen_at), last_seen_at = GREATEST(en.last_seen_at, EXCLUDED.last_seen_at)`;

const LINK_ENTITIES = (refs: string, into: string, anyGone: boolean) => `
INSERT INTO "${into}" (incident_id, event_id, entity_id, role)
SELECT $1, r.event_id, en.id, r.role FROM "${refs}" r JOIN entities en ON en.incident_id = $1 AND en.kind = r.kind AND en.value = r.value${kept("r", anyGone)}`;

const RECORD_FINDINGS = (findings: string, anyGone: boolean) => `
WITH x AS (
  INSERT INTO redaction_findings (incident_id, source_id, event_id, field, kind, hint)
  SELECT $2, $1, f.event_id, f.field, f.kind, f.hint FROM "${findings}" f${kept("f", anyGone)}
  RETURNING 1)
SELECT count(*)::int AS n FROM x`;

/** The load's temp tables, gone (they outlive a transaction on purpose). */
export async function dropTempTables(tx: SqlRunner): Promise<void> {
  await tx.exec(`DROP TABLE IF EXISTS pg_temp.rep, pg_temp.gone`);
}

/** What the dedupe decided: how many of the rows written become events, and whether any did not. */
export type Deduped = {
  block: bigint;
  imported: number;
  /** Whether any row was deleted (a duplicate). */
  anyGone: boolean;
  /** Whether any row was deleted or renumbered. */
  changed: boolean;
};

/**
 * The rows the import wrote, made events: fingerprints of repeated content numbered, and the rows
 * that are not new deleted. With none left, the import's tables are dropped.
 */
export async function dedupeLoad(tx: SqlRunner, args: FinalizeArgs, block: bigint, replaces: string | null): Promise<Deduped> {
  const t = loadTables(block).events;
  await dropTempTables(tx);
  await tx.exec(REPEATED(t));
  const [rep] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM rep`);
  const repeats = (rep?.n ?? 0) > 0;
  if (repeats) await tx.exec(RENUMBER(t));
  await tx.query(GONE(t, repeats), [args.incidentId, replaces]);
  const [gone] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM gone`);
  const anyGone = (gone?.n ?? 0) > 0;
  if (anyGone) await tx.exec(`ANALYZE gone; DELETE FROM "${t}" WHERE id IN (SELECT id FROM gone)`);
  const imported = args.staged - (gone?.n ?? 0);
  if (imported === 0) await dropLeftoverBlock(tx, args.incidentId, args.sourceId);
  return { block, imported, anyGone, changed: anyGone || repeats };
}

/**
 * The rest of the load: the kept events' entities created once per incident and linked into the
 * import's links table; every index not built yet (blockIndexStatements: the last chunk's here,
 * or awaited from the connection building them); statistics; attached. The primary keys take a
 * lock the builds do not share, so they come after every build.
 */
export async function linkIndexAttach(
  tx: SqlRunner,
  args: FinalizeArgs,
  load: Deduped,
  indexes: BlockIndexes,
  chunks: "here" | Promise<void>,
): Promise<void> {
  const t = loadTables(load.block);
  await tx.exec(`ANALYZE "${t.refs}"`);
  await tx.query(UPSERT_ENTITIES(t.refs, load.anyGone), [args.incidentId]);
  await tx.query(LINK_ENTITIES(t.refs, t.links, load.anyGone), [args.incidentId]);
  for (const statement of indexes.links) await tx.exec(statement);
  if (chunks === "here") for (const statement of indexes.chunkStatements) await tx.exec(statement);
  else await chunks;
  for (const statement of indexes.after) await tx.exec(statement);
  // The chunks indexed while reading were analysed before the dedupe: again if it changed rows.
  await analyzeBlock(tx, load.block, load.changed ? { except: indexes.chunks } : null);
  await attachBlock(tx, args.incidentId, load.block);
}

/** The attached events' redaction findings recorded, and the import's scratch tables dropped. Returns the findings recorded. */
export async function recordFindings(tx: SqlRunner, args: FinalizeArgs, load: Deduped): Promise<number> {
  const t = loadTables(load.block);
  const [red] = args.hasFindings
    ? await tx.query<{ n: number }>(RECORD_FINDINGS(t.findings, load.anyGone), [args.sourceId, args.incidentId])
    : [{ n: 0 }];
  await tx.exec(`DROP TABLE IF EXISTS ${scratchTables(load.block)}`);
  return red?.n ?? 0;
}
