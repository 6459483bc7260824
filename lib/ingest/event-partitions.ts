import { isUuid } from "@/lib/access/is-uuid";
import type { SqlRunner } from "@/lib/db/sql";

/**
 * events and event_entities are partitioned by incident (LIST incident_id), and each incident's
 * table by ranges of event id (RANGE id): an import takes a block of ids, loads its rows into a
 * table of its own (its events by chunks of ids, each indexed in bulk once full), builds the
 * remaining indexes over the whole load and attaches it; rows
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
 * The import's empty tables, with no index yet. Its events table is partitioned in turn, by
 * chunks of ids (createChunk), so that each chunk can be indexed while the next is read. The
 * links table's CHECK constraint says what the partition bounds will, so attaching it needs no
 * scan to prove it; the chunks' own constraints do the same for the events.
 */
export async function createLoadTables(tx: SqlRunner, incidentId: string, block: bigint): Promise<void> {
  if (!isUuid(incidentId)) throw new Error(`not an incident id: ${incidentId}`);
  const { from, to } = blockBounds(block);
  const events = blockTable("events", block);
  const links = blockTable("event_entities", block);
  await tx.exec(
    `CREATE TABLE "${events}" (LIKE "events" INCLUDING DEFAULTS) PARTITION BY RANGE (id);
     CREATE TABLE "${links}" (LIKE "event_entities" INCLUDING DEFAULTS);
     ALTER TABLE "${links}" ADD CONSTRAINT "${links}_bounds" CHECK (incident_id = '${incidentId}' AND event_id >= ${from} AND event_id < ${to})`,
  );
}

/**
 * Events per chunk of an import: a chunk's indexes are built on another connection while the
 * next chunk is read (chunk-indexer.ts), so only the last chunk's are left for the final step.
 * 2^18 by default: a million events make four chunks, and the last chunk's full-text index (the
 * longest build) is a quarter of the whole load's. CHAINLINE_IMPORT_CHUNK_EVENTS sets another
 * (tests use a few events; a benchmark can try sizes): more chunks leave less for the end, but
 * each is one more table for every query of the incident to plan.
 */
export function chunkEvents(): number {
  const n = Number(process.env.CHAINLINE_IMPORT_CHUNK_EVENTS);
  // A divisor of the block's 2^32 ids, so no chunk's bounds run past its block's.
  return Number.isInteger(n) && n > 0 && 2 ** 32 % n === 0 ? n : 2 ** 18;
}

/** The import's table of chunk `k` of `chunkSize` events (the writer reads it once per import), and its bounds. */
export function chunkOf(block: bigint, k: number, chunkSize: number): { table: string; from: bigint; to: bigint } {
  const size = BigInt(chunkSize);
  const from = blockBounds(block).from + BigInt(k) * size;
  return { table: `${blockTable("events", block)}_c${k}`, from, to: from + size };
}

/**
 * A chunk's table, made a partition of the import's events table (itself not attached yet, so
 * no query sees it). Its CHECK constraint implies its bounds in the incident's table too, so
 * attaching the import's table needs no scan of it.
 */
export async function createChunk(sql: SqlRunner, incidentId: string, block: bigint, k: number, chunkSize: number): Promise<void> {
  if (!isUuid(incidentId)) throw new Error(`not an incident id: ${incidentId}`);
  const { table, from, to } = chunkOf(block, k, chunkSize);
  await sql.exec(
    `CREATE TABLE "${table}" PARTITION OF "${blockTable("events", block)}"
       (CONSTRAINT "${table}_bounds" CHECK (incident_id = '${incidentId}' AND id >= ${from} AND id < ${to}))
       FOR VALUES FROM (${from}) TO (${to})`,
  );
}

/**
 * The statements that give `target` every index `table` has, built over the rows already in it
 * (a B-tree by one sort, a GIN index over the whole set): `build` the indexes, then `constrain`
 * makes the primary key's index the key (attaching requires a constraint of a partition's
 * matching index). Building takes a lock other builds share; the constraint, one they do not,
 * so it comes after every build. A `partitioned` target builds nothing itself: its indexes and
 * key, all in `constrain`, adopt its partitions' matching ones (building only what one lacks).
 */
export async function indexStatements(
  sql: SqlRunner,
  table: PartitionedTable,
  target: string,
  partitioned = false,
): Promise<{ build: string[]; constrain: string[] }> {
  const rows = await sql.query<{ def: string; pkey: boolean; cols: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS def, i.indisprimary AS pkey,
            (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) AS cols
     FROM pg_index i WHERE i.indrelid = $1::regclass ORDER BY i.indisprimary DESC, i.indexrelid`,
    [table],
  );
  const key = `${target}_pkey`;
  const like = (def: string) => def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON (?:ONLY )?\S+ /, `CREATE $1INDEX ON "${target}" `);
  if (partitioned) {
    return {
      build: [],
      constrain: rows.map((r) => (r.pkey ? `ALTER TABLE "${target}" ADD CONSTRAINT "${key}" PRIMARY KEY (${r.cols})` : like(r.def))),
    };
  }
  return {
    build: rows.map((r) => (r.pkey ? `CREATE UNIQUE INDEX "${key}" ON "${target}" (${r.cols})` : like(r.def))),
    constrain: rows.filter((r) => r.pkey).map(() => `ALTER TABLE "${target}" ADD CONSTRAINT "${key}" PRIMARY KEY USING INDEX "${key}"`),
  };
}

/** What indexes the import's tables: see blockIndexStatements. */
export type BlockIndexes = { chunks: string[]; chunkStatements: string[]; links: string[]; after: string[] };

/**
 * The statements that index the import's tables over their whole load: each chunk of events not
 * yet indexed (the last one, or every one where nothing indexed them while reading) indexed and
 * analysed as while reading (on a server, on a connection of its own, while the first links the
 * entities); the links' indexes; `after` those, the indexes of the import's events table itself,
 * which find their chunks' indexes built and only adopt them (building what a chunk lacks), and
 * the primary keys (a lock the builds do not share).
 */
export async function blockIndexStatements(sql: SqlRunner, block: bigint): Promise<BlockIndexes> {
  const events = blockTable("events", block);
  const bare = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = c.oid) ORDER BY c.relname`,
    [events],
  );
  const chunkStatements = [];
  for (const c of bare) chunkStatements.push(...(await chunkIndexStatements(sql, c.name)));
  const own = await indexStatements(sql, "events", events, true);
  const links = await indexStatements(sql, "event_entities", blockTable("event_entities", block));
  return { chunks: bare.map((c) => c.name), chunkStatements, links: links.build, after: [...own.constrain, ...links.constrain] };
}

/**
 * One chunk's indexes, built and its primary key made, and its statistics, in one transaction
 * (so a chunk has all its indexes or none: blockIndexStatements finds the ones with none).
 */
export async function chunkIndexStatements(sql: SqlRunner, chunk: string): Promise<string[]> {
  const s = await indexStatements(sql, "events", chunk);
  return [...s.build, ...s.constrain, `ANALYZE "${chunk}"`];
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

/**
 * Statistics for the import's links table, so the planner knows it once attached, and for its
 * chunks analysed before the dedupe changed them (`stale`: the chunks indexed while reading, when
 * the dedupe deleted or renumbered any row). Not the import's partitioned table itself, which no query
 * names (its sample would read every chunk again).
 */
export async function analyzeBlock(tx: SqlRunner, block: bigint, stale: { except: readonly string[] } | null): Promise<void> {
  if (stale) {
    const chunks = await tx.query<{ name: string }>(
      `SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = $1::regclass`,
      [blockTable("events", block)],
    );
    for (const { name } of chunks) if (!stale.except.includes(name)) await tx.exec(`ANALYZE "${name}"`);
  }
  await tx.exec(`ANALYZE "${blockTable("event_entities", block)}"`);
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
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
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
