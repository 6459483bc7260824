import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";
import { fixture, tempFile } from "./ms-test-files";

describe("m365-ual-json: Management Activity API records", () => {
  it("a pretty-printed array whose first record is longer than the detection sample", async () => {
    const r = await parseFileForTest(fixture("m365/management-api.json"));
    expect(r.format).toBe("m365-ual-json");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.line, x.occurredAt, x.draft.action, x.draft.nativeId])).toEqual([
      [2, "2023-05-15T03:12:44.000000Z", "MailItemsAccessed", "0f0e0d0c-0000-4000-8000-000000000031"],
      [155, "2023-05-15T03:20:01.000000Z", "FileDownloaded", "0f0e0d0c-0000-4000-8000-000000000034"],
      [173, "2023-05-15T03:05:59.000000Z", "UserLoginFailed", "0f0e0d0c-0000-4000-8000-000000000035"],
    ]);
    // CreationTime has no zone, but the schema says UTC: stated, not assumed.
    expect(r.records.every((x) => x.assumedZone === null && x.draft.isZoneStated)).toBe(true);
    expect(r.records[0]?.draft.message).toMatch(/— 24 items in \\Inbox$/);
  });

  it("keeps each record exactly as read, unknown fields included", async () => {
    const r = await parseFileForTest(fixture("m365/management-api.json"));
    const source = JSON.parse(readFileSync(fixture("m365/management-api.json"), "utf8")) as unknown[];
    expect(r.records.map((x) => x.raw)).toEqual(source);
    expect(r.records[0]?.raw.FutureField).toEqual({ nested: [1, 2, 3], note: "not in any schema" });
  });

  it("one record a line; the sign-in session and token become entities", async () => {
    const r = await parseFileForTest(fixture("m365/management-api.jsonl"));
    expect(r.format).toBe("m365-ual-json");
    expect(r.records.map((x) => x.draft.action)).toEqual(["MailItemsAccessed", "New-InboxRule"]);
    expect(r.records[1]?.draft).toMatchObject({ srcIp: "203.0.113.7:17362", category: "Exchange", outcome: "success" });
    expect(r.records[1]?.entities).toContainEqual({ kind: "ip", value: "203.0.113.7", role: "src" });
  });

  it("a Graph-style page, a RecordType number without Workload, and bad lines", async () => {
    const file = tempFile(
      "page.json",
      '{"value":[\n{"Id":"z1","RecordType":50,"CreationTime":"2023-05-15T03:12:44","Operation":"MailItemsAccessed","UserId":"a@contoso.test"},\n{"Id":"z2","RecordType":8,"Operation":"Add member to role."},\n{"Id":"z3",}\n]}',
    );
    const r = await parseFileForTest(file);
    expect(r.format).toBe("m365-ual-json");
    expect(r.records.map((x) => [x.draft.nativeId, x.draft.category])).toEqual([["z1", "ExchangeItemAggregated"]]);
    expect(r.problems).toEqual([
      { line: 3, reason: 'no value in time field "CreationTime"' },
      { line: 4, reason: expect.stringMatching(/^invalid JSON/) },
    ]);
  });
});
