import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eventsOf, issuesOf, newIncident } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { detectFormat } from "../detect";
import { planInput, readSample } from "../file-input";
import { importFile } from "../import-file";
import { parseFileForTest } from "../testing-parse-file";
import { OTHER_FORMATS } from "./other-sources";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const fixture = (p: string) => path.join(FIXTURES, p);
const PLASO_SAMPLE = path.resolve(process.cwd(), "..", "shared", "samples", "plaso", "json_line.log");

/** The format each of this group's fixture folders must be detected as, from content alone. */
const MINE: Record<string, string> = {
  plaso: "plaso-l2tcsv",
  syslog: "syslog",
  cloudtrail: "cloudtrail",
  zeek: "zeek",
  suricata: "suricata-eve",
  "token-validation": "token-validation",
};
const MY_NAMES = new Set(OTHER_FORMATS.map((f) => f.name));

async function detected(file: string): Promise<string> {
  const plan = await planInput(file);
  const sample = await readSample(file, plan, path.basename(file));
  try {
    return detectFormat(sample).name;
  } catch {
    return "(none)";
  }
}

const allFixtures = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(FIXTURES, d.name)).map((f) => [d.name, f] as const));

describe("detection across every fixture in lib/ingest/parsers/fixtures", () => {
  it.each(allFixtures.filter(([dir]) => dir in MINE))("%s/%s is detected as this group's format", async (dir, name) => {
    expect(await detected(path.join(FIXTURES, dir, name))).toBe(MINE[dir]);
  });

  it.each(allFixtures.filter(([dir]) => !(dir in MINE)))("%s/%s is not taken by this group's formats", async (dir, name) => {
    expect(MY_NAMES.has(await detected(path.join(FIXTURES, dir, name)))).toBe(false);
  });

  it("the real Plaso sample is taken by plaso-json-line", async () => {
    expect(await detected(PLASO_SAMPLE)).toBe("plaso-json-line");
  });
});

describe("--map overrides a format's own choice, field by field", () => {
  it("reads the named fields and leaves the rest to the format", async () => {
    const r = await parseFileForTest(fixture("suricata/eve.jsonl"), { mapping: { actor: "in_iface", id: "flow_id" } });
    expect(r.records[0]?.draft).toMatchObject({ actor: "eth0", nativeId: "1234567890123456", action: "alert", srcIp: "203.0.113.5" });
  });

  it("a mapped time drops the format's own time form and zone", async () => {
    const r = await parseFileForTest(fixture("plaso/l2tcsv.csv"), { mapping: { time: "date" }, zone: "UTC" });
    expect(r.records[0]).toMatchObject({ occurredAt: "2023-05-15T00:00:00.000000Z", assumedZone: "UTC", draft: { time: "05/15/2023" } });
    expect(r.records[0]?.draft.timeFormat).toBeUndefined();
  });
});

describeEachDatabase("other sources through the import pipeline", (kind) => {
  const t = useTestDatabase(kind);

  it("plaso json_line and syslog: exact instants, identical lines kept, rejected lines recorded", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Other sources");
    const plaso = await importFile(ctx, { incidentId, filePath: PLASO_SAMPLE });
    expect(plaso).toMatchObject({ format: "plaso-json-line", read: 20, imported: 20, duplicate: 0, rejected: 0 });
    const lines = readFileSync(PLASO_SAMPLE, "utf8").trim().split("\n");
    for (const e of await eventsOf(t.db, plaso.sourceId)) {
      const us = BigInt(/"timestamp": (\d+), "timestamp_desc"/.exec(lines[e.line_number - 1] as string)?.[1] as string);
      const seconds = new Date(Number(us / 1_000_000n) * 1000).toISOString().slice(0, 19);
      expect(e.occurred).toBe(`${seconds}.${String(us % 1_000_000n).padStart(6, "0")}Z`);
    }

    const syslog = await importFile(ctx, { incidentId, filePath: fixture("syslog/auth.log"), options: { year: 2023 } });
    expect(syslog).toMatchObject({
      format: "syslog",
      read: 16,
      imported: 15,
      duplicate: 0,
      rejected: 1,
      yearInferred: false,
      blankLines: 1,
    });
    const ev = await eventsOf(t.db, syslog.sourceId);
    expect(ev.slice(0, 2).map((e) => [e.line_number, e.occurred, e.assumed_zone, e.actor, e.src_ip])).toEqual([
      [1, "2023-01-22T07:52:33.000000Z", "UTC", "admin", "203.0.113.9"],
      [2, "2023-01-22T07:52:33.000000Z", "UTC", "admin", "203.0.113.9"],
    ]);
    expect(await issuesOf(t.db, syslog.sourceId)).toEqual([
      { line_number: 16, reason: "not a syslog line (RFC 3164 or RFC 5424)", raw_line: "this line has no syslog header" },
    ]);
  });

  it("cloudtrail and zeek: the same record in another shape is a duplicate by its native id", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Native ids");
    const delivered = await importFile(ctx, { incidentId, filePath: fixture("cloudtrail/records.json") });
    expect(delivered).toMatchObject({ format: "cloudtrail", read: 4, imported: 4, rejected: 0 });
    const lookup = await importFile(ctx, { incidentId, filePath: fixture("cloudtrail/lookup-events.json") });
    expect(lookup).toMatchObject({ format: "cloudtrail", read: 4, imported: 1, duplicate: 3, rejected: 0 });
    const [ev] = await eventsOf(t.db, delivered.sourceId);
    expect(ev).toMatchObject({ occurred: "2023-05-15T03:12:44.000000Z", action: "CreateAccessKey", src_ip: "203.0.113.7" });
    // Redaction masks AKIA…/ASIA… ids before mapping: no key entity, rather than one joining every masked key.
    const keys = await t.db.sql.query(`SELECT value FROM entities WHERE incident_id = $1 AND kind = 'key'`, [incidentId]);
    expect(keys).toEqual([]);

    const tsv = await importFile(ctx, { incidentId, filePath: fixture("zeek/conn.log") });
    expect(tsv).toMatchObject({ format: "zeek", read: 4, imported: 3, rejected: 1 });
    const json = await importFile(ctx, { incidentId, filePath: fixture("zeek/zeek.jsonl") });
    expect(json).toMatchObject({ format: "zeek", read: 6, imported: 3, duplicate: 1, rejected: 2 });
    const [conn] = await eventsOf(t.db, tsv.sourceId);
    expect(conn).toMatchObject({ occurred: "2023-05-15T03:12:44.123456Z", assumed_zone: null });
  });

  it("token validation and suricata: messages, flags and entities reach the database", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Tokens");
    const tokens = await importFile(ctx, { incidentId, filePath: fixture("token-validation/validation.jsonl") });
    expect(tokens).toMatchObject({ format: "token-validation", read: 8, imported: 4, rejected: 4 });
    const [forged] = await eventsOf(t.db, tokens.sourceId);
    expect(forged?.message).toContain("issuer scope mismatch");
    const eve = await importFile(ctx, { incidentId, filePath: fixture("suricata/eve.jsonl") });
    expect(eve).toMatchObject({ format: "suricata-eve", read: 12, imported: 10, duplicate: 0, rejected: 2 });
    const entities = await t.db.sql.query<{ kind: string; value: string; role: string }>(
      `SELECT en.kind, en.value, ee.role FROM entities en JOIN event_entities ee ON ee.entity_id = en.id
       WHERE en.incident_id = $1 AND en.kind IN ('key', 'tenant', 'session') GROUP BY en.kind, en.value, ee.role ORDER BY 1, 2, 3`,
      [incidentId],
    );
    expect(entities).toContainEqual({ kind: "key", value: "1LTMzakihiRla_8z2BEJVXeWMqo", role: "signing-key" });
    expect(entities).toContainEqual({ kind: "tenant", value: "9188040d-6c67-4c5b-b112-36a304b66dad", role: "key-issuer-tenant" });
    expect(entities).toContainEqual({ kind: "session", value: "1234567890123456", role: "flow-id" });
  });
});
