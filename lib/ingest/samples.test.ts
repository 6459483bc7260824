import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { eventsOf, newIncident } from "@/lib/testing/import-fixtures";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "@/lib/testing/test-databases";
import { importFile } from "./import-file";

// The real public files in ../shared/samples, read in place, through the generic formats
// (forced: format-specific parsers detect them first and have their own tests). Every line
// must be accounted for.
const SAMPLES = path.resolve(process.cwd(), "..", "shared", "samples");
const sample = (p: string) => path.join(SAMPLES, p);

describeEachDatabase("the shared samples through the generic importers", (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  let ctx: Awaited<ReturnType<typeof newIncident>>["ctx"];
  let incidentId: string;
  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    db = await testDb.open();
    ({ ctx, incidentId } = await newIncident(db, "Samples"));
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  it("m365/office_activity.csv: 266 rows, times read as written in the [UTC] column", async () => {
    const s = await importFile(ctx, { incidentId, filePath: sample("m365/office_activity.csv"), options: { format: "csv" } });
    expect(s).toMatchObject({ format: "csv", read: 266, imported: 266, duplicate: 0, rejected: 0 });
    const ev = await eventsOf(db, s.sourceId);
    const [{ n }] = (await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE source_id = $1 AND raw->>'ClientIP' = '175.45.176.99'`,
      [s.sourceId],
    )) as [{ n: number }];
    expect(n).toBe(173);
    // One more row gives the same address with a port ("175.45.176.99:17362", the New-InboxRule): the canonical IP joins them.
    expect(ev.filter((e) => e.src_ip === "175.45.176.99")).toHaveLength(174);
    const rule = ev.find((e) => e.action === "New-InboxRule" && e.src_ip === "175.45.176.99");
    expect(rule).toMatchObject({
      occurred: "2021-04-28T14:33:14.000000Z",
      timestamp_text: "4/28/2021, 2:33:14.000 PM",
      assumed_zone: null,
    });
    // raw holds every column exactly as read, including multi-line JSON cells.
    expect(Object.keys(ev[0]?.raw ?? {})).toHaveLength(131);
  });

  it("entra/sign-in_adelete.csv: 56 sign-ins by adelev@ from 175.45.176.99, with milliseconds", async () => {
    const s = await importFile(ctx, { incidentId, filePath: sample("entra/sign-in_adelete.csv"), options: { format: "csv" } });
    expect(s).toMatchObject({
      read: 56,
      imported: 56,
      rejected: 0,
      firstEventAt: "2021-04-28T14:08:45.221000Z",
      lastEventAt: "2021-04-28T15:19:08.373000Z",
    });
    const ev = await eventsOf(db, s.sourceId);
    expect(new Set(ev.map((e) => e.actor))).toEqual(new Set(["adelev@m365x816222.onmicrosoft.com"]));
    expect(new Set(ev.map((e) => e.src_ip))).toEqual(new Set(["175.45.176.99"]));
  });

  // The generic CSV path takes OfficeActivity's (mostly empty) "Actor" column as the actor, so
  // the account link across the two files waits for the M365 parser; the IP links them already.
  it("links the M365 and Entra files through the shared IP entity", async () => {
    const rows = await db.sql.query<{ kind: string; value: string; sources: number; events: number }>(
      `SELECT en.kind, en.value, count(DISTINCT ev.source_id)::int AS sources, count(*)::int AS events
       FROM entities en JOIN event_entities ee ON ee.entity_id = en.id JOIN events ev ON ev.id = ee.event_id
       WHERE en.incident_id = $1 AND en.value IN ('175.45.176.99', 'adelev@m365x816222.onmicrosoft.com')
       GROUP BY en.kind, en.value ORDER BY en.kind`,
      [incidentId],
    );
    expect(rows).toEqual([
      { kind: "account", value: "adelev@m365x816222.onmicrosoft.com", sources: 1, events: 56 },
      { kind: "ip", value: "175.45.176.99", sources: 2, events: 174 + 56 },
      // MailboxOwnerUPN names the mailbox the mail access and inbox rule touched.
      { kind: "mailbox", value: "adelev@m365x816222.onmicrosoft.com", sources: 1, events: 7 },
    ]);
    const [ip] = await db.sql.query<{ first: string; last: string }>(
      `SELECT to_char(first_seen_at AT TIME ZONE 'UTC', 'HH24:MI:SS.MS') AS first, to_char(last_seen_at AT TIME ZONE 'UTC', 'HH24:MI:SS.MS') AS last
       FROM entities WHERE incident_id = $1 AND kind = 'ip' AND value = '175.45.176.99'`,
      [incidentId],
    );
    expect(ip?.first).toBe("14:08:45.221");
  });

  it("plaso/json_line.log: 20 events at the microsecond Plaso gave, non-ASCII intact", async () => {
    const s = await importFile(ctx, { incidentId, filePath: sample("plaso/json_line.log"), options: { format: "timesketch-jsonl" } });
    expect(s).toMatchObject({ format: "timesketch-jsonl", read: 20, imported: 20, rejected: 0 });
    const ev = await eventsOf(db, s.sourceId);
    const lines = readFileSync(sample("plaso/json_line.log"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    for (const e of ev) {
      const src = lines[e.line_number - 1];
      const us = BigInt(src.timestamp);
      const iso = new Date(Number(us / 1000n)).toISOString().slice(0, 19);
      expect(e.occurred).toBe(`${iso}.${String(us % 1_000_000n).padStart(6, "0")}Z`);
      expect(e.raw).toEqual(src);
      expect(e.timestamp_desc).toBe(src.timestamp_desc);
    }
    expect(ev[0]?.message).toBe("[client, pid: 30840] INFO No new content in ímynd.dd.");
  });

  it("windows/lsass_dump_comsvcs.jsonl: every line, zone-less times recorded as assumed UTC", async () => {
    const lines = readFileSync(sample("windows/lsass_dump_comsvcs.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim());
    const s = await importFile(ctx, { incidentId, filePath: sample("windows/lsass_dump_comsvcs.jsonl"), options: { format: "jsonl" } });
    expect(s).toMatchObject({ format: "jsonl", read: lines.length, imported: lines.length, rejected: 0 });
    const ev = await eventsOf(db, s.sourceId);
    expect(new Set(ev.map((e) => e.assumed_zone))).toEqual(new Set(["UTC"]));
    const first = ev.find((e) => e.timestamp_text === "2020-10-18 07:50:06.220");
    expect(first?.occurred).toBe("2020-10-18T07:50:06.220000Z");
    expect(ev.some((e) => e.message.includes("lsass"))).toBe(true);
  });
});
