import { expect, it } from "vitest";
import type { SqlRunner } from "@/lib/db/sql";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { refreshEventStatistics } from "./event-statistics";
import { importFile } from "./import-file";

const lines = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ time: `2023-05-15T01:00:${String(i % 60).padStart(2, "0")}Z`, message: `${tag} ${i}` }),
  ).join("\n");

/** The events as `ANALYZE events` last counted them, and as the partitions count them now. */
async function counts(sql: SqlRunner) {
  const [r] = await sql.query<{ analyzed: number; total: number }>(
    `SELECT (SELECT reltuples FROM pg_class WHERE oid = 'events'::regclass)::float8 AS analyzed,
            (SELECT count(*) FROM events)::float8 AS total`,
  );
  return r as { analyzed: number; total: number };
}

describeEachDatabase("statistics of the whole events table", (kind) => {
  const t = useTestDatabase(kind);

  it("are gathered again only when the events grew or shrank by half since the last time", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    await importFile(ctx, { incidentId, filePath: writeFixture("s1.jsonl", lines(40, "first")) });
    // Whatever the database held before, this brings the whole-table statistics up to date.
    await t.db.sql.query("ANALYZE events");
    const start = await counts(t.db.sql);
    expect(start.analyzed).toBe(start.total);

    // A small import (each import analyses its own tables): the whole table is not sampled again.
    const small = Math.max(1, Math.floor(start.total * 0.2));
    await importFile(ctx, { incidentId, filePath: writeFixture("s2.jsonl", lines(small, "second")) });
    expect(await refreshEventStatistics(t.db.sql)).toBe(false);
    expect((await counts(t.db.sql)).analyzed).toBe(start.total);

    // Grown past half again: sampled, and counted as it now is.
    const big = Math.ceil(start.total * 0.5) + 10;
    await importFile(ctx, { incidentId, filePath: writeFixture("s3.jsonl", lines(big, "third")) });
    expect(await refreshEventStatistics(t.db.sql)).toBe(true);
    const after = await counts(t.db.sql);
    expect(after.total).toBe(start.total + small + big);
    expect(after.analyzed).toBe(after.total);
    // Nothing changed since: nothing to do.
    expect(await refreshEventStatistics(t.db.sql)).toBe(false);
  });
});
