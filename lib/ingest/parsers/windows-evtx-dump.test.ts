import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";
import { fixture } from "./windows-test-files";

type Parsed = Awaited<ReturnType<typeof parseFileForTest>>;

describe("evtx-dump-json, one record a line (-o jsonl)", () => {
  const file = fixture("windows/evtx-dump.jsonl");
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(file);
  });

  it("is detected, and reports the record a crashed export cut", () => {
    expect(r.format).toBe("evtx-dump-json");
    expect(r.problems).toEqual([{ line: 4, reason: "JSON object broken: a string runs past the end of the line" }]);
    expect(r.records.map((x) => [x.line, x.draft.action])).toEqual([
      [1, "logon"],
      [2, "logon-failed"],
      [3, "application-crash"],
      [5, "audit-log-cleared"],
      [6, "network-connect"],
    ]);
  });

  it("typed values (numbers, #attributes, #text) read like the XML, and raw is the line as read", () => {
    const lines = readFileSync(file, "utf8").split("\n");
    for (const rec of r.records) expect(rec.raw).toEqual(JSON.parse(lines[rec.line - 1] ?? ""));
    expect(r.records[0]?.draft).toMatchObject({
      message: "Logon type 3 (Network): alice@CONTOSO from 203.0.113.7 (workstation WS-ALICE)",
      nativeId: "Security|dc01.contoso.test|1201",
    });
    expect(r.records[0]?.occurredAt).toBe("2023-05-15T03:12:44.123456Z");
    expect(r.records[0]?.assumedZone).toBeNull();
    expect(r.records[1]?.draft.message).toContain("no such user (0xc0000064)");
    expect(r.records[2]?.draft.message).toContain("Application crash: msa-signing.exe 1.4.2.0");
    expect(r.records[3]?.draft.actor).toBe("alice@CONTOSO");
    expect(r.records[4]?.draft).toMatchObject({ srcIp: "192.0.2.10", dstIp: "203.0.113.80", actor: "alice@CONTOSO" });
  });
});

describe("evtx-dump-json, pretty records after Record headers (-o json)", () => {
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(fixture("windows/evtx-dump-pretty.txt"));
  });

  it("reads each record from the line its JSON starts on, and reports the cut one", () => {
    expect(r.format).toBe("evtx-dump-json");
    expect(r.problems).toEqual([{ line: 58, reason: "JSON object cut short: a new record starts before it ends" }]);
    expect(r.records.map((x) => [x.line, x.draft.nativeId])).toEqual([
      [2, "Security|dc01.contoso.test|1201"],
      [71, "Application|signer01.contoso.test|8812"],
    ]);
  });
});
