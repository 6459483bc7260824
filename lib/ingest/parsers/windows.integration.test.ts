import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { eventsOf, issuesOf, newIncident } from "@/lib/testing/import-fixtures";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "@/lib/testing/test-databases";
import { importFile } from "../import-file";
import { fixture, LSASS_SAMPLE } from "./windows-test-files";

const DUMP = "c:\\programdata\\microsoft\\windows\\wer\\reportarchive\\appcrash_msa-signing\\memory.hdmp";

describeEachDatabase("Windows formats through the pipeline", (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  let ctx: Awaited<ReturnType<typeof newIncident>>["ctx"];
  let incidentId: string;
  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    db = await testDb.open();
    ({ ctx, incidentId } = await newIncident(db, "Windows"));
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  it("lsass_dump_comsvcs.jsonl: every line imported, times assumed UTC, raw as read, the lsass access and the dump file", async () => {
    const lines = readFileSync(LSASS_SAMPLE, "utf8").split("\n");
    const count = lines.filter((l) => l.trim()).length;
    const s = await importFile(ctx, { incidentId, filePath: LSASS_SAMPLE });
    expect(s).toMatchObject({ format: "windows-flat-json", read: count, imported: count, duplicate: 0, rejected: 0 });
    const ev = await eventsOf(db, s.sourceId);
    expect(new Set(ev.map((e) => e.assumed_zone))).toEqual(new Set(["UTC"]));
    expect(ev[0]).toMatchObject({ line_number: 1, timestamp_text: "2020-10-18 07:50:06.220", occurred: "2020-10-18T07:50:06.220000Z" });
    for (const e of ev) expect(e.raw).toEqual(JSON.parse(lines[e.line_number - 1] ?? ""));
    const [lsass] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE source_id = $1 AND action = 'process-access' AND lower(target) LIKE '%\\lsass.exe'`,
      [s.sourceId],
    );
    expect(lsass?.n).toBeGreaterThan(0);
    expect(ev.some((e) => e.action === "audit-log-cleared" && e.actor === "wardog@WORKSTATION5")).toBe(true);
    const [dump] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM entities en JOIN event_entities ee ON ee.entity_id = en.id
       WHERE en.incident_id = $1 AND en.kind = 'file' AND en.value = $2`,
      [incidentId, "c:\\users\\wardog\\appdata\\local\\temp\\lsass-comsvcs.dmp"],
    );
    expect(dump?.n).toBe(1);
  });

  it("Event Viewer XML: the WER report and the share access meet on the dump file", async () => {
    const s = await importFile(ctx, { incidentId, filePath: fixture("windows/events-saved.xml") });
    expect(s).toMatchObject({ format: "windows-xml", read: 9, imported: 9, rejected: 0, firstEventAt: "2023-05-15T02:58:17.337000Z" });
    const rows = await db.sql.query<{ action: string; role: string }>(
      `SELECT ev.action, ee.role FROM entities en JOIN event_entities ee ON ee.entity_id = en.id JOIN events ev ON ev.id = ee.event_id
       WHERE en.incident_id = $1 AND en.kind = 'file' AND en.value = $2 ORDER BY ev.action`,
      [incidentId, DUMP],
    );
    expect(rows).toEqual([
      { action: "error-report", role: "attachment" },
      { action: "share-object-access", role: "target" },
    ]);
    const [wer] = await db.sql.query<{ fingerprint: string; message: string }>(
      `SELECT fingerprint, message FROM events WHERE source_id = $1 AND action = 'error-report'`,
      [s.sourceId],
    );
    expect(wer?.fingerprint).toBe("id:Application|signer01.contoso.test|8813");
    expect(wer?.message).toMatch(/^WER APPCRASH report 8a13d73c-62b8-11e1-ab53-0050ba3279b5: msa-signing\.exe crashed; attached: /);
  });

  it("the same events exported by evtx_dump are duplicates by Channel|Computer|EventRecordID; the cut line is an issue", async () => {
    const s = await importFile(ctx, { incidentId, filePath: fixture("windows/evtx-dump.jsonl") });
    expect(s).toMatchObject({ format: "evtx-dump-json", read: 6, imported: 1, duplicate: 4, rejected: 1 });
    expect((await issuesOf(db, s.sourceId)).map((i) => [i.line_number, i.reason])).toEqual([
      [4, "JSON object broken: a string runs past the end of the line"],
    ]);
  });

  it("broken XML lines are kept as issues with their line and reason", async () => {
    const s = await importFile(ctx, { incidentId, filePath: fixture("windows/wevtutil-lines.xml") });
    // Its Sysmon 3 (record 5600 of ws-alice) came in with the evtx_dump file already.
    expect(s).toMatchObject({ format: "windows-xml", read: 11, imported: 4, duplicate: 1, rejected: 6 });
    const issues = await issuesOf(db, s.sourceId);
    expect(issues.map((i) => i.line_number)).toEqual([5, 6, 7, 9, 10, 11]);
    expect(issues[1]).toMatchObject({ reason: "text outside an <Event> element", raw_line: "this line is not XML at all" });
  });
});
