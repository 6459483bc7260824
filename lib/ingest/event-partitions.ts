import { isUuid } from "@/lib/access/is-uuid";
import type { SqlRunner } from "@/lib/db/sql";

/**
 * events and event_entities are partitioned by incident (LIST incident_id), and each incident's
 * table by ranges of event id (RANGE id): an import takes a block of ids, loads its rows into a
 * table of its own with no index, builds the indexes over the whole load and attaches it; rows
 * written any other way live in the incident's "_0" table, below the first block. The migration
 * 20261208000000_event_partitions makes an incident's tables when the incident is made.
 */
export const PARTITIONED = ["events", "event_entities"] as const;
export type PartitionedTable = (typeof PARTITIONED)[number];

/** Block N holds the event ids N·2^32 up to (N+1)·2^32; ids below 2^32 are the "_0" table's. */
const BLOCK_BITS = 32n;

export function blockBounds(block: bigint): { from: bigint; to: bigint } {
  if (block < 1n) throw new Error(`not an event block: ${block}`);
  return { from: block << BLOCK_BITS, to: (block + 1n) << BLOCK_BITS };
}

/** The import's own table of `table`, named for its block. */
export function blockTable(table: PartitionedTable, block: bigint): string {
  return `${table}_b${block}`;
}

/** The incident's partitioned table of `table` (what its blocks are attached to). */
export function incidentTable(table: PartitionedTable, incidentId: string): string {
  if (!isUuid(incidentId)) throw new Error(`not an incident id: ${incidentId}`);
  return `${table}_i${incidentId.replaceAll("-", "")}`;
}

/** The incident a partition named by incidentTable belongs to, or null. */
export function incidentOfTable(name: string): string | null {
  const m = /^(?:events|event_entities)_i([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/.exec(name);
  return m ? m.slice(1).join("-") : null;
}

/** A new block of event ids for one import (never reused, so a dropped block's ids never return). */
export async function takeEventBlock(tx: SqlRunner): Promise<bigint> {
  const [row] = await tx.query<{ n: string }>(`SELECT nextval('event_blocks_seq')::text AS n`);
  return BigInt(row?.n ?? "0");
}

/**
 * The import's empty tables, with no index yet. Their CHECK constraints say what the partition
 * bounds will, so attaching them needs no scan to prove it.
 */
export async function createLoadTables(tx: SqlRunner, incidentId: string, block: bigint): Promise<void> {
  if (!isUuid(incidentId)) throw new Error(`not an incident id: ${incidentId}`);
  const { from, to } = blockBounds(block);
  for (const table of PARTITIONED) {
    const t = blockTable(table, block);
    const id = table === "events" ? "id" : "event_id";
    await tx.exec(
      `CREATE TABLE "${t}" (LIKE "${table}" INCLUDING DEFAULTS);
       ALTER TABLE "${t}" ADD CONSTRAINT "${t}_bounds" CHECK (incident_id = '${incidentId}' AND ${id} >= ${from} AND ${id} < ${to})`,
    );
  }
}

/**
 * The statements that give `target` every index `table` has, built over the rows already in it
 * (a B-tree by one sort, a GIN index over the whole set): `build` the indexes, then `constrain`
 * makes the primary key's index the key (attaching requires a constraint of a partition's
 * matching index). Building takes a lock other builds share; the constraint, one they do not,
 * so it comes after every build.
 */
export async function indexStatements(
  sql: SqlRunner,
  table: PartitionedTable,
  target: string,
): Promise<{ build: string[]; constrain: string[] }> {
  const rows = await sql.query<{ def: string; pkey: boolean; cols: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS def, i.indisprimary AS pkey,
            (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) AS cols
     FROM pg_index i WHERE i.indrelid = $1::regclass ORDER BY i.indisprimary DESC, i.indexrelid`,
    [table],
  );
  const key = `${target}_pkey`;
  return {
    build: rows.map((r) =>
      r.pkey
        ? `CREATE UNIQUE INDEX "${key}" ON "${target}" (${r.cols})`
        : r.def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON (?:ONLY )?\S+ /, `CREATE $1INDEX ON "${target}" `),
    ),
    constrain: rows.filter((r) => r.pkey).map(() => `ALTER TABLE "${target}" ADD CONSTRAINT "${key}" PRIMARY KEY USING INDEX "${key}"`),
  };
}

const isGin = (statement: string) => / USING gin /i.test(statement);

/**
 * The statements that index the import's tables over their whole load: the events' full-text GIN
 * index apart (the longest build: on a server it runs on a connection of its own meanwhile), the
 * B-trees, and the primary keys last (see indexStatements).
 */
export async function blockIndexStatements(sql: SqlRunner, block: bigint): Promise<{ gin: string[]; rest: string[]; constrain: string[] }> {
  const events = await indexStatements(sql, "events", blockTable("events", block));
  const links = await indexStatements(sql, "event_entities", blockTable("event_entities", block));
  const all = [...events.build, ...links.build];
  return { gin: all.filter(isGin), rest: all.filter((x) => !isGin(x)), constrain: [...events.constrain, ...links.constrain] };
}

/** An import's scratch tables: what it read besides events, kept until its final step uses it (load-tables.ts). */
export const SCRATCH = ["event_refs", "event_findings"] as const;

/** An import's scratch table of `kind`, named for its block. */
export function scratchTable(kind: (typeof SCRATCH)[number], block: bigint): string {
  return `${kind}_b${block}`;
}

/** An import's scratch tables, as a list for DROP TABLE. */
export function scratchTables(block: bigint): string {
  return SCRATCH.map((kind) => `"${scratchTable(kind, block)}"`).join(", ");
}

/** The names of every table an import makes (its events, links and scratch tables), as a POSIX regular expression. */
export const IMPORT_TABLE_PATTERN = `^(${[...PARTITIONED, ...SCRATCH].join("|")})_b[0-9]+$`;

/** Statistics for the import's tables, so the planner knows them once attached. */
export async function analyzeBlock(tx: SqlRunner, block: bigint): Promise<void> {
  for (const table of PARTITIONED) await tx.exec(`ANALYZE "${blockTable(table, block)}"`);
}

/**
 * A source's tables left unattached by an earlier attempt killed while reading or before its
 * attach (finalize-overlap.ts): dropped, and the source no longer names them.
 */
export async function dropLeftoverBlock(tx: SqlRunner, incidentId: string, sourceId: string): Promise<void> {
  const [left] = await tx.query<{ block: string }>(
    `SELECT s.event_block::text AS block FROM sources s
     WHERE s.id = $1 AND s.event_block IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = 'events_b' || s.event_block AND c.relispartition)`,
    [sourceId],
  );
  if (!left) return;
  await dropBlock(tx, incidentId, BigInt(left.block));
  await tx.query(`UPDATE sources SET event_block = NULL WHERE id = $1`, [sourceId]);
}

/** The import's tables join its incident's: from here on, queries see its rows. */
export async function attachBlock(tx: SqlRunner, incidentId: string, block: bigint): Promise<void> {
  const { from, to } = blockBounds(block);
  for (const table of PARTITIONED) {
    await tx.exec(
      `ALTER TABLE "${incidentTable(table, incidentId)}" ATTACH PARTITION "${blockTable(table, block)}" FOR VALUES FROM (${from}) TO (${to})`,
    );
  }
}

/**
 * Drops an import's tables: what points at their events first (every table with a foreign key to
 * events, as a row delete would have by cascade), then the tables themselves. Waits for the
 * incident's running queries to finish, and holds its events against reads only for the drop.
 */
export async function dropBlock(tx: SqlRunner, incidentId: string, block: bigint): Promise<void> {
  const { from, to } = blockBounds(block);
  const referencing = await tx.query<{ t: string; c: string }>(
    `SELECT f.conrelid::regclass::text AS t, quote_ident(a.attname) AS c FROM pg_constraint f
     JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = f.conkey[array_position(f.confkey, (
       SELECT attnum FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'id'))]
     WHERE f.contype = 'f' AND f.confrelid = 'events'::regclass AND f.conparentid = 0`,
  );
  for (const { t, c } of referencing) {
    await tx.query(`DELETE FROM ${t} WHERE incident_id = $1 AND ${c} >= ${from} AND ${c} < ${to}`, [incidentId]);
  }
  await tx.exec(`DROP TABLE IF EXISTS ${scratchTables(block)}`);
  for (const table of ["event_entities", "events"] as const) {
    const t = blockTable(table, block);
    const [attached] = await tx.query<{ yes: boolean }>(`SELECT relispartition AS yes FROM pg_class WHERE oid = to_regclass($1)`, [t]);
    if (!attached) continue;
    if (attached.yes) await tx.exec(`ALTER TABLE "${incidentTable(table, incidentId)}" DETACH PARTITION "${t}"`);
    await tx.exec(`DROP TABLE "${t}"`);
  }
}

/**
 * Drops the partitions of incidents that no longer exist (a deleted incident's rows are not
 * deleted one by one: its tables go). Detached concurrently, so no query of another incident
 * waits; outside any transaction. One sweep at a time per database handle. Returns the tables dropped.
 */
export function dropOrphanPartitions(sql: SqlRunner): Promise<string[]> {
  const next = (sweeps.get(sql) ?? Promise.resolve([])).catch(() => []).then(() => sweep(sql));
  sweeps.set(sql, next);
  return next;
}
const sweeps = new WeakMap<SqlRunner, Promise<string[]>>();

async function sweep(sql: SqlRunner): Promise<string[]> {
  const rows = await sql.query<{ name: string; parent: string }>(
    `SELECT c.relname AS name, p.relname AS parent FROM pg_inherits i
     JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     WHERE p.relname IN ('events', 'event_entities')
     ORDER BY p.relname = 'events', c.relname`,
  );
  const gone = await dropUnclaimedLoads(sql);
  const orphans = rows.filter((r) => incidentOfTable(r.name));
  if (orphans.length === 0) return gone;
  const ids = [...new Set(orphans.map((r) => incidentOfTable(r.name) as string))];
  const alive = new Set(
    (await sql.query<{ id: string }>(`SELECT id::text FROM incidents WHERE id = ANY($1::uuid[])`, [ids])).map((r) => r.id),
  );
  for (const r of orphans) {
    if (alive.has(incidentOfTable(r.name) as string)) continue;
    await detach(sql, r.parent, r.name);
    await sql.exec(`DROP TABLE IF EXISTS "${r.name}"`);
    gone.push(r.name);
  }
  return gone;
}

/** Import tables never attached (and scratch tables) whose source is gone (its incident deleted while it was between load and attach). */
async function dropUnclaimedLoads(sql: SqlRunner): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND NOT c.relispartition
       AND c.relname ~ $1
       AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.event_block = substring(c.relname from '_b([0-9]+)$')::bigint)`,
    [IMPORT_TABLE_PATTERN],
  );
  for (const r of rows) await sql.exec(`DROP TABLE IF EXISTS "${r.name}"`);
  return rows.map((r) => r.name);
}

async function detach(sql: SqlRunner, parent: string, name: string): Promise<void> {
  try {
    await sql.exec(`ALTER TABLE "${parent}" DETACH PARTITION "${name}" CONCURRENTLY`);
  } catch (err) {
    const message = (err as Error).message;
    // Another process's sweep got there first, or is still at it (or died half-way): finish it.
    if (/does not exist|is not a partition/.test(message)) return;
    if (/pending detach/.test(message)) {
      await sql.exec(`ALTER TABLE "${parent}" DETACH PARTITION "${name}" FINALIZE`).catch((e: Error) => {
        if (!/does not exist|is not a partition/.test(e.message)) throw e;
      });
      return;
    }
    // One connection and no one to wait for (the embedded database): a plain detach is as good.
    if (!/CONCURRENTLY|transaction block/i.test(message)) throw err;
    await sql.exec(`ALTER TABLE "${parent}" DETACH PARTITION "${name}"`);
  }
}
