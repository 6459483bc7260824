import { expect, it } from "vitest";
import { newIncident } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { claimSource } from "./claim-source";
import { blockBounds, chunkEvents, chunkOf } from "./event-partitions";
import { ZImportOptions } from "./import-options";
import { prepareLoad } from "./load-tables";
import { createNormalizer } from "./normalize";
import { createStageWriter } from "./stage-writer";

/** Keeps the thread busy as parsing a record does, without yielding. */
function parseFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

describeEachDatabase("the stage writer", (kind) => {
  const t = useTestDatabase(kind);

  it("lets the event loop turn while rows arrive (a COPY in flight advances only then), and writes every row", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const options = ZImportOptions.parse({});
    const claim = await claimSource(ctx, { incidentId, fileName: "w.jsonl", sha256: "ab".repeat(32), size: 1, format: "jsonl", options });
    if (claim.kind !== "claimed") throw new Error(`unexpected claim ${claim.kind}`);
    const block = await prepareLoad(t.db.sql, incidentId, claim.sourceId);
    const ids = { incidentId, sourceId: claim.sourceId, block };
    const normalize = createNormalizer(
      { ...ids, firstId: blockBounds(block).from },
      (raw) => ({ time: raw.time as string, isZoneStated: true, message: raw.m as string }),
      options,
    );
    const writer = createStageWriter(t.db, ids, { redact: false });

    // Counts the event loop's turns while the rows arrive; parsing between file reads is
    // synchronous, so without the writer's own turns this stays 0 until the next read.
    let turns = 0;
    let counting = true;
    const turn = () => {
      turns += 1;
      if (counting) setImmediate(turn);
    };
    setImmediate(turn);
    const rows = 200;
    for (let i = 0; i < rows; i++) {
      const raw = { time: `2023-05-15T01:00:${String(i % 60).padStart(2, "0")}Z`, m: `row ${i}` };
      const n = normalize({ kind: "record", line: i + 1, raw, rawText: JSON.stringify(raw), isRawTextJson: true });
      if ("error" in n) throw new Error(n.error);
      parseFor(0.2);
      await writer.addRow(n.row, n.refs, n.findingRows, n.offset);
    }
    const turnsWhileReading = turns;
    counting = false;
    await writer.flush();

    // 40 ms of rows: a turn at least every few milliseconds.
    expect(turnsWhileReading).toBeGreaterThanOrEqual(5);
    const table = chunkOf(block, 0, chunkEvents()).table;
    const [stored] = await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
    expect(stored?.n).toBe(rows);
    expect(writer.staged).toBe(rows);
  });
});
