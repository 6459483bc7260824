import { expect, it } from "vitest";
import { setEventStage } from "@/lib/chain/actions/set-event-stage";
import { importFile } from "@/lib/ingest/import-file";
import { refreshEventHourly } from "@/lib/rollup/event-hourly";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { getTimelineData, type TimelineData } from "../get-timeline-data";

// 600 events spread over three weeks at irregular minutes and microseconds, from two sources.
function lines(seed: number, n: number): string {
  const out: string[] = [];
  let t = Date.parse("2023-05-01T00:00:00Z");
  for (let i = 0; i < n; i++) {
    t += ((i * 7919 + seed) % 5400) * 1000 + ((i * 31) % 1000);
    out.push(
      JSON.stringify({ ts: new Date(t).toISOString().replace("Z", `${String(i % 1000).padStart(3, "0")}Z`), msg: `event ${seed}.${i}` }),
    );
  }
  return out.join("\n");
}

const cellsOf = (d: TimelineData | null) =>
  d?.kind === "buckets" ? [...d.cells].sort((a, b) => a.t - b.t || a.lane.localeCompare(b.lane)) : null;

describeEachDatabase("timeline bins from the hourly counts", (kind) => {
  const t = useTestDatabase(kind);

  it("give exactly the bins counted from the events, window edges and hand-set stages included", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Hourly");
    await importFile(ctx, { incidentId, fileName: "a.jsonl", filePath: writeFixture("a.jsonl", lines(1, 300)) });
    await importFile(ctx, { incidentId, fileName: "b.jsonl", filePath: writeFixture("b.jsonl", lines(2, 300)) });
    const windows = [
      { lanes: "stage" as const, width: 800 },
      // Edges inside hours: the part-hours are counted from the events.
      { lanes: "source" as const, from: "2023-05-03T10:17:23.456789Z", to: "2023-05-17T05:42:00.000001Z", width: 300 },
    ];
    const fromEvents = async () => {
      await t.db.sql.query("DELETE FROM event_hourly_state WHERE incident_id = $1", [incidentId]);
      return Promise.all(windows.map(async (w) => cellsOf(await getTimelineData(ctx, incidentId, { ...w, limit: 0 }))));
    };
    const fromCounts = async () => {
      await t.db.sql.transaction((tx) => refreshEventHourly(tx, incidentId));
      return Promise.all(windows.map(async (w) => cellsOf(await getTimelineData(ctx, incidentId, { ...w, limit: 0 }))));
    };
    const [rawStage, rawSource] = await fromEvents();
    expect(rawStage?.reduce((n, c) => n + c.n, 0)).toBe(600);
    expect(await fromCounts()).toEqual([rawStage, rawSource]);
    // (The counts really are what answers: skew them and the bins move.)
    await t.db.sql.query("UPDATE event_hourly SET n = n + 1000 WHERE incident_id = $1", [incidentId]);
    const skewed = cellsOf(await getTimelineData(ctx, incidentId, { ...windows[0], limit: 0 }));
    expect(skewed?.reduce((n, c) => n + c.n, 0)).toBeGreaterThan(600);
    await t.db.sql.transaction((tx) => refreshEventHourly(tx, incidentId));

    // A stage set by hand moves the event's count to its new lane at once.
    const [ev] = await t.db.sql.query<{ id: number }>(
      "SELECT id FROM events WHERE incident_id = $1 ORDER BY occurred_at LIMIT 1 OFFSET 100",
      [incidentId],
    );
    await setEventStage(ctx, incidentId, { eventIds: [String(ev?.id)], stageKey: "collection" });
    const [afterCounts] = await Promise.all(windows.map(async (w) => cellsOf(await getTimelineData(ctx, incidentId, { ...w, limit: 0 }))));
    expect(afterCounts?.some((c) => c.lane === "collection" && c.n === 1)).toBe(true);
    const [afterEvents] = await fromEvents();
    expect(afterCounts).toEqual(afterEvents);

    // A new import the counts do not cover yet: the bins come from the events, never stale.
    await importFile(ctx, { incidentId, fileName: "c.jsonl", filePath: writeFixture("c.jsonl", lines(3, 50)) });
    const fresh = cellsOf(await getTimelineData(ctx, incidentId, { lanes: "stage", width: 800, limit: 0 }));
    expect(fresh?.reduce((n, c) => n + c.n, 0)).toBe(650);
  });
});
