import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { eventsOf, issuesOf, newIncident } from "@/lib/testing/import-fixtures";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "@/lib/testing/test-databases";
import { importFile } from "../import-file";
import { AUDIT_DATA_PARSED } from "./m365-ual-csv";
import { fixture, sample, tempFile } from "./ms-test-files";

const ACCOUNT = "adelev@m365x816222.onmicrosoft.com";
const IP = "175.45.176.99";

describeEachDatabase("Microsoft cloud formats through the pipeline", (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  let ctx: Awaited<ReturnType<typeof newIncident>>["ctx"];
  let incidentId: string;
  const sources: Record<string, string> = {};
  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    db = await testDb.open();
    ({ ctx, incidentId } = await newIncident(db, "M365 + Entra"));
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  it("office_activity.csv: all 266 rows as OfficeActivity, none rejected", async () => {
    const s = await importFile(ctx, { incidentId, filePath: sample("m365/office_activity.csv") });
    expect(s).toMatchObject({ format: "m365-office-activity", read: 266, imported: 266, duplicate: 0, rejected: 0 });
    sources.office = s.sourceId;
    const ev = await eventsOf(db, s.sourceId);
    expect(ev.filter((e) => e.raw.ClientIP === IP)).toHaveLength(173);
    // + the New-InboxRule's "175.45.176.99:17362" and two MailItemsAccessed that give it only in Client_IPAddress.
    expect(ev.filter((e) => e.src_ip === IP)).toHaveLength(176);
    expect(ev.find((e) => e.action === "New-InboxRule")).toMatchObject({
      occurred: "2021-04-28T14:33:14.000000Z",
      assumed_zone: null,
      src_ip: IP,
      fingerprint: "id:5fe96415-d129-4e4b-64b7-08d90a528ec7",
    });
  });

  it("sign-in_adelete.csv: all 56 sign-ins as SigninLogs", async () => {
    const s = await importFile(ctx, { incidentId, filePath: sample("entra/sign-in_adelete.csv") });
    expect(s).toMatchObject({
      format: "entra-signin-la",
      read: 56,
      imported: 56,
      rejected: 0,
      firstEventAt: "2021-04-28T14:08:45.221000Z",
      lastEventAt: "2021-04-28T15:19:08.373000Z",
    });
    sources.signin = s.sourceId;
  });

  it("the two files meet on the account (lower-cased) and the attacker's IP", async () => {
    const rows = await db.sql.query<{ kind: string; value: string; source_id: string; events: number }>(
      `SELECT en.kind, en.value, ev.source_id, count(DISTINCT ev.id)::int AS events
       FROM entities en JOIN event_entities ee ON ee.entity_id = en.id JOIN events ev ON ev.id = ee.event_id
       WHERE en.incident_id = $1 AND ((en.kind = 'account' AND en.value = $2) OR (en.kind = 'ip' AND en.value = $3))
       GROUP BY en.kind, en.value, ev.source_id ORDER BY en.kind, ev.source_id`,
      [incidentId, ACCOUNT, IP],
    );
    const by = (k: string, source: string) => rows.find((r) => r.kind === k && r.source_id === source)?.events;
    expect(by("account", sources.signin as string)).toBe(56);
    expect(by("account", sources.office as string)).toBeGreaterThanOrEqual(151);
    expect(by("ip", sources.signin as string)).toBe(56);
    expect(by("ip", sources.office as string)).toBe(176);
    const [ip] = await db.sql.query<{ first: string }>(
      `SELECT to_char(first_seen_at AT TIME ZONE 'UTC', 'HH24:MI:SS.MS') AS first FROM entities WHERE incident_id = $1 AND kind = 'ip' AND value = $2`,
      [incidentId, IP],
    );
    expect(ip?.first).toBe("14:08:45.221");
  });

  it("a UAL CSV: parsed AuditData queryable in raw; the same records as API JSON are duplicates by Id", async () => {
    const s = await importFile(ctx, { incidentId, filePath: fixture("m365/purview-classic.csv") });
    expect(s).toMatchObject({ format: "m365-ual-csv", imported: 5, rejected: 0 });
    const [hit] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE source_id = $1 AND raw->'${AUDIT_DATA_PARSED}'->>'AppId' = '11111111-2222-4333-8444-555555555555'`,
      [s.sourceId],
    );
    expect(hit?.n).toBe(1);
    const records = (await eventsOf(db, s.sourceId)).map((e) => JSON.stringify(e.raw[AUDIT_DATA_PARSED]));
    const again = await importFile(ctx, { incidentId, filePath: tempFile("same-records.jsonl", `${records.join("\n")}\n`) });
    expect(again).toMatchObject({ format: "m365-ual-json", read: 5, imported: 0, duplicate: 5 });
    const [token] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM entities WHERE incident_id = $1 AND kind = 'session' AND value = 'Tok3nIdAbCdEf0123456789'`,
      [incidentId],
    );
    expect(token?.n).toBe(1);
  });

  it("rejected rows are kept with their line and reason", async () => {
    const s = await importFile(ctx, { incidentId, filePath: fixture("m365/malformed-ual.csv") });
    expect(s).toMatchObject({ read: 6, imported: 2, rejected: 4 });
    const issues = await issuesOf(db, s.sourceId);
    expect(issues.map((i) => [i.line_number, i.reason])).toEqual([
      [3, "row has 3 cells, the header has 4"],
      [5, 'no value in time field "CreationDate"'],
      [6, 'unrecognised timestamp: "not a date"'],
      [7, "unterminated quoted cell starting on line 7"],
    ]);
    expect(readFileSync(fixture("m365/malformed-ual.csv"), "utf8")).toContain(issues[0]?.raw_line ?? "∅");
  });
});
