import { expect, it } from "vitest";
import { importFile } from "@/lib/ingest/import-file";
import { listGaps } from "@/lib/queries/list-gaps";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { detectQuietPeriods } from "./detect-quiet-periods";

/** Office-hours logging: 10 events an hour, 09:00–17:00 on weekdays, for `weeks` weeks from Monday 2024-01-01. */
function officeHours(weeks: number, silent: (day: Date) => boolean): string[] {
  const lines: string[] = [];
  for (let d = 0; d < weeks * 7; d++) {
    const day = new Date(Date.UTC(2024, 0, 1 + d));
    const dow = day.getUTCDay();
    if (dow === 0 || dow === 6 || silent(day)) continue;
    for (let h = 9; h < 17; h++) {
      for (let i = 0; i < 10; i++) {
        const t = new Date(day.getTime() + h * 3600_000 + i * 360_000);
        lines.push(JSON.stringify({ ts: t.toISOString(), msg: `beat ${d}.${h}.${i}` }));
      }
    }
  }
  return lines;
}

describeEachDatabase("quiet-period detection", (kind) => {
  const t = useTestDatabase(kind);

  it("finds a silent working day against the source's own weekly rhythm, and no nights or weekends", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Quiet");
    // Wednesday 2024-01-17 is silent.
    const lines = officeHours(4, (day) => day.toISOString().startsWith("2024-01-17"));
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("office.jsonl", lines.join("\n")) });
    const found = await detectQuietPeriods(ctx, incidentId);
    expect(found).toHaveLength(1);
    const q = found[0];
    expect(q?.sourceId).toBe(s.sourceId);
    // The run of empty hours spans from the last event of Tuesday to the first of Thursday; the expected
    // count is the Wednesday office hours (8 × 10).
    expect(q?.startAt.toISOString()).toBe("2024-01-16T17:00:00.000Z");
    expect(q?.endAt.toISOString()).toBe("2024-01-18T09:00:00.000Z");
    expect(q?.expectedEvents).toBeGreaterThanOrEqual(60);
    const gaps = await listGaps(ctx, incidentId);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ reason: "quiet_period", origin: "detected", sourceId: s.sourceId });
    expect(gaps[0]?.detail).toMatchObject({ method: "hour-of-week profile", expectedEventsThreshold: 20 });
    // Detecting again replaces, never duplicates.
    await detectQuietPeriods(ctx, incidentId);
    expect(await listGaps(ctx, incidentId)).toHaveLength(1);
  });
});
