import { expect, it } from "vitest";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { importFile } from "./import-file";

const line = (i: number) =>
  `{"time":"2023-05-15T03:00:${String(i % 60).padStart(2, "0")}.${String(i).padStart(6, "0")}Z","message":"item ${i}","user":"u${i % 7}@example.test","src_ip":"203.0.113.${i % 250}"}`;
const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => line(from + k)).join("\n");

describeEachDatabase("imports into one incident at the same time", (kind) => {
  const t = useTestDatabase(kind);

  it("keep each event once, account for every line, and link entities the foreign keys accept", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Concurrent");
    // Two exports that overlap by 4,000 records, imported at once: whichever finalizes second
    // must see the first's events as duplicates (the finalize decides what is new under a lock).
    const a = writeFixture("a.jsonl", lines(0, 10_000));
    const b = writeFixture("b.jsonl", lines(6_000, 16_000));
    const [sa, sb] = await Promise.all([importFile(ctx, { incidentId, filePath: a }), importFile(ctx, { incidentId, filePath: b })]);
    expect(sa.read + sb.read).toBe(20_000);
    expect(sa.imported + sb.imported).toBe(16_000);
    expect(sa.duplicate + sb.duplicate).toBe(4_000);
    const [n] = await t.db.sql.query<{ events: number; fingerprints: number }>(
      `SELECT count(*)::int AS events, count(DISTINCT fingerprint)::int AS fingerprints FROM events WHERE incident_id = $1`,
      [incidentId],
    );
    expect(n).toEqual({ events: 16_000, fingerprints: 16_000 });

    // Every event is linked to its account and IP, and every link points at a real event and
    // entity of this incident (the finalize writes them with the per-row checks switched off).
    const [links] = await t.db.sql.query<{ links: number; orphans: number; accounts: number; ips: number }>(
      `SELECT count(*)::int AS links,
              count(*) FILTER (WHERE e.id IS NULL OR en.id IS NULL OR en.incident_id <> $1 OR e.incident_id <> $1)::int AS orphans,
              count(DISTINCT en.id) FILTER (WHERE en.kind = 'account')::int AS accounts,
              count(DISTINCT en.id) FILTER (WHERE en.kind = 'ip')::int AS ips
       FROM event_entities ee LEFT JOIN events e ON e.id = ee.event_id LEFT JOIN entities en ON en.id = ee.entity_id
       WHERE ee.event_id IN (SELECT id FROM events WHERE incident_id = $1)`,
      [incidentId],
    );
    expect(links).toEqual({ links: 32_000, orphans: 0, accounts: 7, ips: 250 });
    const [seen] = await t.db.sql.query<{ first: string; last: string }>(
      `SELECT to_char(first_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS first,
              to_char(last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS last
       FROM entities WHERE incident_id = $1 AND kind = 'account' AND value = 'u0@example.test'`,
      [incidentId],
    );
    // u0 is items 0, 7, 14, …; its earliest second is :00 (item 0) and its latest :59 (item 15,659).
    expect(seen).toEqual({ first: "2023-05-15T03:00:00.000000", last: "2023-05-15T03:00:59.015659" });
  });
});
