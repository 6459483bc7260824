import { afterEach, expect, it, vi } from "vitest";
import { deleteIncident } from "@/lib/actions/delete-incident";
import { annotateEvents } from "@/lib/chain/actions/annotate-events";
import type { SqlRunner } from "@/lib/db/sql";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { deleteSource } from "./delete-source";
import {
  blockTable,
  chunkEvents,
  chunkOf,
  createLoadTables,
  dropLeftoverBlock,
  dropOrphanPartitions,
  incidentOfTable,
  incidentTable,
  takeEventBlock,
} from "./event-partitions";
import { importFile } from "./import-file";

const line = (t: string, user: string, msg: string) => JSON.stringify({ time: t, user, message: msg });
const exists = async (sql: SqlRunner, name: string) =>
  (await sql.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [name]))[0]?.ok;

/** Each index of `parent` whose partition on `leaf` is missing (none: the leaf has them all, attached). */
async function missingIndexes(sql: SqlRunner, parent: string, leaf: string): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT p.relname AS name FROM pg_index x JOIN pg_class p ON p.oid = x.indexrelid
     WHERE x.indrelid = $1::regclass AND NOT EXISTS (
       SELECT 1 FROM pg_index l JOIN pg_inherits h ON h.inhrelid = l.indexrelid
       WHERE l.indrelid = $2::regclass AND h.inhparent = x.indexrelid)`,
    [parent, leaf],
  );
  return rows.map((r) => r.name);
}

async function blockOf(sql: SqlRunner, sourceId: string): Promise<bigint> {
  const [s] = await sql.query<{ b: string | null }>(`SELECT event_block::text AS b FROM sources WHERE id = $1`, [sourceId]);
  if (!s?.b) throw new Error(`source ${sourceId} has no block`);
  return BigInt(s.b);
}

describeEachDatabase("events partitioned by incident, then by import", (kind) => {
  const t = useTestDatabase(kind);
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("an import's events and links are its own tables, indexed like events and attached to its incident's", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const file = writeFixture(
      "p.jsonl",
      [line("2023-05-15T01:00:00Z", "a@example.test", "one"), line("2023-05-15T02:00:00Z", "b@example.test", "two")].join("\n"),
    );
    const { sourceId } = await importFile(ctx, { incidentId, filePath: file });
    const block = await blockOf(t.db.sql, sourceId);
    const rows = await t.db.sql.query<{ part: string; id: string }>(
      `SELECT tableoid::regclass::text AS part, id::text FROM events WHERE incident_id = $1`,
      [incidentId],
    );
    // The import's events table is partitioned by chunks of ids; two events fill one chunk's table.
    const chunk = chunkOf(block, 0, chunkEvents()).table;
    expect(rows.map((r) => r.part)).toEqual([chunk, chunk]);
    // Ids are the block's: block << 32 onwards.
    for (const r of rows) expect(BigInt(r.id) >> 32n).toBe(block);
    const [links] = await t.db.sql.query<{ part: string; n: number }>(
      `SELECT min(tableoid::regclass::text) AS part, count(*)::int AS n FROM event_entities WHERE incident_id = $1`,
      [incidentId],
    );
    expect(links).toEqual({ part: blockTable("event_entities", block), n: 2 });
    const [parent] = await t.db.sql.query<{ p: string }>(
      `SELECT inhparent::regclass::text AS p FROM pg_inherits WHERE inhrelid = $1::regclass`,
      [blockTable("events", block)],
    );
    expect(parent?.p).toBe(incidentTable("events", incidentId));
    expect(await missingIndexes(t.db.sql, incidentTable("events", incidentId), blockTable("events", block))).toEqual([]);
    expect(await missingIndexes(t.db.sql, blockTable("events", block), chunk)).toEqual([]);
    expect(await missingIndexes(t.db.sql, incidentTable("event_entities", incidentId), blockTable("event_entities", block))).toEqual([]);
    // Search goes through the GIN index built over the load.
    const [hit] = await t.db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND to_tsvector('simple', translate(message, '<>', '  ')) @@ 'two'::tsquery`,
      [incidentId],
    );
    expect(hit?.n).toBe(1);

    // A file whose every event the incident holds already adds nothing, and attaches no table.
    const dup = await importFile(ctx, {
      incidentId,
      filePath: writeFixture("p2.jsonl", [line("2023-05-15T01:00:00Z", "a@example.test", "one")].join("\n")),
    });
    const [dupSource] = await t.db.sql.query<{ b: string | null; dups: number }>(
      `SELECT event_block::text AS b, duplicate_count AS dups FROM sources WHERE id = $1`,
      [dup.sourceId],
    );
    expect(dupSource).toEqual({ b: null, dups: 1 });
    const [parts] = await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = $1::regclass`, [
      incidentTable("events", incidentId),
    ]);
    expect(parts?.n).toBe(2); // the "_0" table and the one import that added events
  });

  it("an import in several chunks: each chunk's table has every index, search finds every chunk's events, and dedupe spans chunks", async () => {
    vi.stubEnv("CHAINLINE_IMPORT_CHUNK_EVENTS", "4");
    const { ctx, incidentId } = await newIncident(t.db);
    const at = (i: number) => `2023-05-15T${String(i).padStart(2, "0")}:00:00Z`;
    const lines = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"].map((m, i) => line(at(i), `${m}@example.test`, m));
    lines.push(lines[0] as string); // the same line again, in the last chunk: two events, as in the file
    // On a server, the full chunks are indexed while reading: when the final step starts, only the last has none.
    let indexedWhenReadingEnded: Promise<number[]> | null = null;
    const { sourceId, imported } = await importFile(ctx, {
      incidentId,
      filePath: writeFixture("c.jsonl", lines.join("\n")),
      onProgress: (p) => {
        if (kind !== "server" || p.phase !== "finalizing" || indexedWhenReadingEnded) return;
        indexedWhenReadingEnded = t.db.sql
          .query<{ n: number }>(
            `SELECT (SELECT count(*)::int FROM pg_index x WHERE x.indrelid = c.oid) AS n
             FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class b ON b.oid = i.inhparent
             WHERE b.relname ~ '^events_b[0-9]+$' AND NOT b.relispartition ORDER BY c.relname`,
          )
          .then((rows) => rows.map((r) => r.n));
      },
    });
    expect(imported).toBe(8);
    const block = await blockOf(t.db.sql, sourceId);
    const indexesPerEvents = (await t.db.sql.query(`SELECT 1 FROM pg_index WHERE indrelid = 'events'::regclass`)).length;
    if (kind === "server") expect(await indexedWhenReadingEnded).toEqual([indexesPerEvents, 0]);
    const parts = await t.db.sql.query<{ part: string; n: number }>(
      `SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM events WHERE incident_id = $1 GROUP BY 1 ORDER BY 1`,
      [incidentId],
    );
    expect(parts).toEqual([0, 1].map((k) => ({ part: chunkOf(block, k, 4).table, n: 4 })));
    expect(await missingIndexes(t.db.sql, incidentTable("events", incidentId), blockTable("events", block))).toEqual([]);
    for (const k of [0, 1]) expect(await missingIndexes(t.db.sql, blockTable("events", block), chunkOf(block, k, 4).table)).toEqual([]);
    const found = async (word: string) =>
      (
        await t.db.sql.query<{ part: string }>(
          `SELECT tableoid::regclass::text AS part FROM events WHERE incident_id = $1 AND to_tsvector('simple', translate(message, '<>', '  ')) @@ $2::tsquery`,
          [incidentId, word],
        )
      ).map((r) => r.part);
    expect(await found("bravo")).toEqual([chunkOf(block, 0, 4).table]);
    expect(await found("golf")).toEqual([chunkOf(block, 1, 4).table]);
    const [twice] = await t.db.sql.query<{ n: number; fps: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT fingerprint)::int AS fps FROM events WHERE incident_id = $1 AND message = 'alpha'`,
      [incidentId],
    );
    expect(twice).toEqual({ n: 2, fps: 2 });
    // Another file of two chunks whose first event the incident holds: a duplicate, deleted after its
    // chunk was indexed and analysed while reading, so the chunk's statistics are taken again.
    const more = ["hotel", "india", "juliet", "kilo"].map((m, i) => line(at(i + 8), `${m}@example.test`, m));
    const again = await importFile(ctx, { incidentId, filePath: writeFixture("c2.jsonl", [lines[1], ...more].join("\n")) });
    expect({ imported: again.imported, duplicate: again.duplicate }).toEqual({ imported: 4, duplicate: 1 });
    const stats = await t.db.sql.query<{ part: string; n: number; est: number }>(
      `SELECT e.tableoid::regclass::text AS part, count(*)::int AS n, min(c.reltuples)::int AS est
       FROM events e JOIN pg_class c ON c.oid = e.tableoid WHERE e.incident_id = $1 AND e.source_id = $2 GROUP BY 1 ORDER BY 1`,
      [incidentId, again.sourceId],
    );
    const againBlock = await blockOf(t.db.sql, again.sourceId);
    expect(stats).toEqual([
      { part: chunkOf(againBlock, 0, 4).table, n: 3, est: 3 },
      { part: chunkOf(againBlock, 1, 4).table, n: 1, est: 1 },
    ]);
  });

  it("deleting a source drops its tables, and what pointed at its events goes with them", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const a = await importFile(ctx, {
      incidentId,
      filePath: writeFixture("a.jsonl", line("2023-05-15T01:00:00Z", "a@example.test", "a1")),
    });
    const b = await importFile(ctx, {
      incidentId,
      filePath: writeFixture("b.jsonl", line("2023-05-15T03:00:00Z", "b@example.test", "b1")),
    });
    const blockA = await blockOf(t.db.sql, a.sourceId);
    const [ev] = await t.db.sql.query<{ id: string }>(`SELECT id::text FROM events WHERE incident_id = $1 AND source_id = $2`, [
      incidentId,
      a.sourceId,
    ]);
    await annotateEvents(ctx, incidentId, { action: "comment", eventIds: [ev?.id as string], value: "here" });
    const { name } = await t.db.prisma.source.findUniqueOrThrow({ where: { id: a.sourceId } });
    const d = await deleteSource(ctx, incidentId, a.sourceId, { confirm: name });
    expect(d).toMatchObject({ events: 1, annotations: 1 });
    expect(await exists(t.db.sql, blockTable("events", blockA))).toBe(false);
    expect(await exists(t.db.sql, blockTable("event_entities", blockA))).toBe(false);
    expect(await t.db.prisma.annotation.count({ where: { incidentId } })).toBe(0);
    expect(await t.db.prisma.event.count({ where: { incidentId } })).toBe(1);
    expect((await t.db.prisma.entity.findMany({ where: { incidentId, kind: "account" } })).map((e) => e.value)).toEqual(["b@example.test"]);
    expect(await exists(t.db.sql, blockTable("events", await blockOf(t.db.sql, b.sourceId)))).toBe(true);
  });

  it("deleting an incident drops its tables whole; another incident's stay", async () => {
    const one = await newIncident(t.db);
    const two = await newIncident(t.db);
    for (const { ctx, incidentId } of [one, two]) {
      await importFile(ctx, { incidentId, filePath: writeFixture("d.jsonl", line("2023-05-15T01:00:00Z", "a@example.test", "d")) });
    }
    const incident = await t.db.prisma.incident.findUniqueOrThrow({ where: { id: one.incidentId } });
    const deleted = await deleteIncident(one.ctx, one.incidentId, { confirm: incident.title });
    expect(deleted.events).toBe(1);
    await dropOrphanPartitions(t.db.sql);
    for (const table of ["events", "event_entities"] as const) {
      expect(await exists(t.db.sql, incidentTable(table, one.incidentId))).toBe(false);
      expect(await exists(t.db.sql, incidentTable(table, two.incidentId))).toBe(true);
    }
    expect(await t.db.prisma.event.count({ where: { incidentId: two.incidentId } })).toBe(1);
    // Nothing left of it anywhere under events.
    const [left] = await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE incident_id = $1`, [one.incidentId]);
    expect(left?.n).toBe(0);
  });

  it("an incident's tables are made with it, and only a live incident's survive the sweep", async () => {
    const { incidentId } = await newIncident(t.db);
    expect(await exists(t.db.sql, `${incidentTable("events", incidentId)}_0`)).toBe(true);
    expect(incidentOfTable(incidentTable("event_entities", incidentId))).toBe(incidentId);
    expect(incidentOfTable("events_b12")).toBeNull();
    await t.db.sql.query(`DELETE FROM incidents WHERE id = $1`, [incidentId]);
    const dropped = await dropOrphanPartitions(t.db.sql);
    expect(dropped).toEqual(expect.arrayContaining([incidentTable("events", incidentId), incidentTable("event_entities", incidentId)]));
    expect(await exists(t.db.sql, incidentTable("events", incidentId))).toBe(false);
  });

  it("a load left unattached by a killed final step is dropped by its source's next attempt, its delete, or the sweep once its source is gone", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const file = writeFixture("k.jsonl", line("2023-05-15T01:00:00Z", "k@example.test", "k1"));
    const { sourceId } = await importFile(ctx, { incidentId, filePath: file });
    // What a process killed between the load's commit and the attach leaves: a committed table no query sees, named by its source.
    const leave = async (source: string) => {
      const block = await t.db.sql.transaction(async (tx) => {
        const b = await takeEventBlock(tx);
        await createLoadTables(tx, incidentId, b);
        await tx.query(`UPDATE sources SET event_block = $2 WHERE id = $1`, [source, b.toString()]);
        return b;
      });
      expect(await exists(t.db.sql, blockTable("events", block))).toBe(true);
      return block;
    };
    const attached = await blockOf(t.db.sql, sourceId);
    // The next attempt drops it (and never an attached one).
    await t.db.sql.transaction((tx) => dropLeftoverBlock(tx, incidentId, sourceId));
    expect(await exists(t.db.sql, blockTable("events", attached))).toBe(true);
    const first = await leave(sourceId);
    await t.db.sql.transaction((tx) => dropLeftoverBlock(tx, incidentId, sourceId));
    expect(await exists(t.db.sql, blockTable("events", first))).toBe(false);
    expect(await exists(t.db.sql, blockTable("event_entities", first))).toBe(false);
    const [s] = await t.db.sql.query<{ b: string | null }>(`SELECT event_block::text AS b FROM sources WHERE id = $1`, [sourceId]);
    expect(s?.b).toBeNull();
    // Deleting the source drops it.
    const second = await leave(sourceId);
    const { name } = await t.db.prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
    await deleteSource(ctx, incidentId, sourceId, { confirm: name });
    expect(await exists(t.db.sql, blockTable("events", second))).toBe(false);
    // Its source gone with its incident: the sweep drops it.
    const other = await importFile(ctx, {
      incidentId,
      filePath: writeFixture("k2.jsonl", line("2023-05-15T02:00:00Z", "k@example.test", "k2")),
    });
    const third = await leave(other.sourceId);
    await t.db.sql.query(`DELETE FROM incidents WHERE id = $1`, [incidentId]);
    const dropped = await dropOrphanPartitions(t.db.sql);
    expect(dropped).toEqual(expect.arrayContaining([blockTable("events", third), blockTable("event_entities", third)]));
    expect(await exists(t.db.sql, blockTable("events", third))).toBe(false);
  });
});
