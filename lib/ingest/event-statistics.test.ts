import { expect, it } from "vitest";
import type { SqlRunner } from "@/lib/db/sql";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { deleteSource } from "./delete-source";
import { incidentTable } from "./event-partitions";
import { refreshEventStatistics } from "./event-statistics";
import { importFile } from "./import-file";

const lines = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ time: `2023-05-15T01:00:${String(i % 60).padStart(2, "0")}Z`, message: `${tag} ${i}` }),
  ).join("\n");

/** The events as `ANALYZE events` last counted them, and as they are. */
async function counts(sql: SqlRunner) {
  const [r] = await sql.query<{ analyzed: number; total: number }>(
    `SELECT (SELECT reltuples FROM pg_class WHERE oid = 'events'::regclass)::float8 AS analyzed,
            (SELECT count(*) FROM events)::float8 AS total`,
  );
  return r as { analyzed: number; total: number };
}

const reltuples = async (sql: SqlRunner, table: string) =>
  (await sql.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = $1::regclass`, [table]))[0]?.n;

describeEachDatabase("statistics of the events table", (kind) => {
  const t = useTestDatabase(kind);

  it("as a whole are gathered again only when the events grew by half or shrank by a third since the last time", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    await importFile(ctx, { incidentId, filePath: writeFixture("s1.jsonl", lines(40, "first")) });
    // Whatever the database held before, this brings the whole-table statistics up to date.
    await t.db.sql.exec("ANALYZE events");
    const start = await counts(t.db.sql);
    expect(start.analyzed).toBe(start.total);

    // A small import (each import analyses its own tables): the whole table is not sampled again.
    const small = Math.max(1, Math.floor(start.total * 0.2));
    const s2 = await importFile(ctx, { incidentId, filePath: writeFixture("s2.jsonl", lines(small, "second")) });
    expect(await refreshEventStatistics(t.db.sql)).toBe(false);
    expect((await counts(t.db.sql)).analyzed).toBe(start.total);

    // Grown past half again: sampled, and counted as it now is.
    const big = Math.ceil(start.total * 0.5) + 10;
    const s3 = await importFile(ctx, { incidentId, filePath: writeFixture("s3.jsonl", lines(big, "third")) });
    expect(await refreshEventStatistics(t.db.sql)).toBe(true);
    const grown = await counts(t.db.sql);
    expect(grown.total).toBe(start.total + small + big);
    expect(grown.analyzed).toBe(grown.total);
    expect(await refreshEventStatistics(t.db.sql)).toBe(false);

    // Deleting a source refreshes them through the analysis that follows: not for the small one
    // (shrunk by a tenth or so), for the large one (by more than a third).
    await deleteSource(ctx, incidentId, s2.sourceId, { confirm: s2.fileName });
    expect((await counts(t.db.sql)).analyzed).toBe(grown.total);
    await deleteSource(ctx, incidentId, s3.sourceId, { confirm: s3.fileName });
    const shrunk = await counts(t.db.sql);
    expect(shrunk.total).toBe(start.total);
    expect(shrunk.analyzed).toBe(shrunk.total);
  });

  it("of a partition written other than by an import (a training copy's rows) are gathered", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    await importFile(ctx, { incidentId, filePath: writeFixture("c1.jsonl", lines(30, "copied")) });
    await refreshEventStatistics(t.db.sql);
    // Rows below the first block go to the incident's "_0" table, as a training copy's do.
    await t.db.sql.query(
      `INSERT INTO events (incident_id, source_id, occurred_at, timestamp_text, timestamp_desc, message, raw, line_number, fingerprint)
       SELECT incident_id, source_id, occurred_at, timestamp_text, timestamp_desc, message || repeat(' padding', 200), raw, line_number, fingerprint || ':copy'
       FROM events WHERE incident_id = $1`,
      [incidentId],
    );
    const zero = `${incidentTable("events", incidentId)}_0`;
    expect(await reltuples(t.db.sql, zero)).toBeLessThanOrEqual(0);
    await refreshEventStatistics(t.db.sql);
    expect(await reltuples(t.db.sql, zero)).toBe(30);
  });
});
