import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";
import { payloadFields } from "./windows-evtxecmd";
import { fixture } from "./windows-test-files";

type Parsed = Awaited<ReturnType<typeof parseFileForTest>>;

describe("evtxecmd-csv", () => {
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(fixture("windows/evtxecmd.csv"));
  });

  it("is detected, reads every row and reports the broken ones by line", () => {
    expect(r.format).toBe("evtxecmd-csv");
    expect(r.problems).toEqual([
      { line: 5, reason: "row has 8 cells, the header has 27" },
      { line: 6, reason: "no event time (TimeCreated)" },
    ]);
    expect(r.records.map((x) => [x.line, x.draft.action])).toEqual([
      [2, "logon"],
      [3, "audit-log-cleared"],
      [4, "error-report"],
      [7, "service-installed"],
    ]);
  });

  it("TimeCreated is UTC by EvtxECmd's design: nothing assumed, exact to the microsecond", async () => {
    expect(r.records[0]?.draft.time).toBe("2023-05-15 03:12:44.1234567");
    expect(r.records[0]?.occurredAt).toBe("2023-05-15T03:12:44.123456Z");
    expect(r.records[0]?.assumedZone).toBeNull();
    const berlin = await parseFileForTest(fixture("windows/evtxecmd.csv"), { zone: "Europe/Berlin" });
    expect(berlin.records[0]?.occurredAt).toBe("2023-05-15T03:12:44.123456Z");
  });

  it("reads the event from Payload (EventData, UserData, unnamed Data), and raw keeps every column as written", () => {
    expect(r.records[0]?.draft).toMatchObject({
      actor: "alice@CONTOSO",
      srcIp: "203.0.113.7",
      nativeId: "Security|dc01.contoso.test|1201",
      outcome: "success",
    });
    expect(r.records[1]?.draft).toMatchObject({ actor: "alice@CONTOSO", host: "signer01.contoso.test" });
    expect(r.records[2]?.entities).toContainEqual({
      kind: "file",
      value: "c:\\programdata\\microsoft\\windows\\wer\\reportarchive\\appcrash_msa-signing\\memory.hdmp",
      role: "attachment",
    });
    const raw = r.records[0]?.raw ?? {};
    expect(Object.keys(raw)).toHaveLength(27);
    expect(raw.Payload).toMatch(/^\{"EventData":\{"Data":\[\{"@Name":"SubjectUserSid"/);
    expect(raw.RemoteHost).toBe("WS-ALICE (203.0.113.7)");
  });

  it("a Payload that is not JSON still gives an event, from MapDescription and PayloadData", () => {
    expect(r.records[3]?.draft.message).toBe("Service installed: Name: updater; StartType: auto start");
  });
});

describe("evtxecmd-json", () => {
  const file = fixture("windows/evtxecmd.jsonl");
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(file);
  });

  it("is detected and reports the cut line and the non-object", () => {
    expect(r.format).toBe("evtxecmd-json");
    expect(r.problems).toEqual([
      { line: 3, reason: "JSON object cut short: a new record starts before it ends" },
      { line: 5, reason: "not a JSON object" },
    ]);
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 4]);
  });

  it("raw is the line as read, unknown fields included; times are exact", () => {
    const lines = readFileSync(file, "utf8").split("\n");
    for (const rec of r.records) expect(rec.raw).toEqual(JSON.parse(lines[rec.line - 1] ?? ""));
    expect(r.records[0]?.raw.UnknownNewField).toBe("kept");
    expect(r.records[0]?.occurredAt).toBe("2023-05-15T03:30:05.912345Z");
  });

  it("Sysmon 1 and 11 through the Payload; a lone Data element is an object, not a list", () => {
    expect(r.records[0]?.draft).toMatchObject({
      action: "process-create",
      actor: "alice@CONTOSO",
      nativeId: "Microsoft-Windows-Sysmon/Operational|ws-alice.contoso.test|5501",
    });
    expect(r.records[1]?.entities).toContainEqual({
      kind: "file",
      value: "c:\\users\\alice\\appdata\\local\\temp\\out.dmp",
      role: "target",
    });
    expect(r.records[2]?.draft.target).toBe("C:\\Keys\\signing.pfx");
  });
});

describe("payloadFields", () => {
  it("reads named, unnamed and empty Data, other EventData children, and UserData", () => {
    expect(payloadFields('{"EventData":{"Data":[{"@Name":"A","#text":"1"},{"@Name":"B"},"free",null],"Binary":"00FF"}}')).toEqual({
      data: { A: "1", B: "", Binary: "00FF" },
      params: ["free", ""],
    });
    expect(payloadFields('{"UserData":{"LogFileCleared":{"@xmlns":"urn:x","SubjectUserName":"alice"}}}').data).toEqual({
      SubjectUserName: "alice",
    });
    expect(payloadFields("{broken")).toEqual({ data: {}, params: [] });
  });
});
