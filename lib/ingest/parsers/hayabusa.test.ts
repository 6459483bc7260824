import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";
import { detailPairs } from "./hayabusa-details";
import { fixture } from "./windows-test-files";

type Parsed = Awaited<ReturnType<typeof parseFileForTest>>;

describe("hayabusa-csv", () => {
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(fixture("hayabusa/timeline.csv"));
  });

  it("is detected, reads each rule hit and reports the broken rows", () => {
    expect(r.format).toBe("hayabusa-csv");
    expect(r.problems).toEqual([
      { line: 6, reason: "row has 5 cells, the header has 9" },
      { line: 7, reason: "no Timestamp" },
    ]);
    expect(r.records.map((x) => x.line)).toEqual([2, 3, 4, 5]);
  });

  it("Timestamp carries its offset: exact to the millisecond, nothing assumed", () => {
    expect(r.records[0]?.occurredAt).toBe("2023-05-15T03:12:40.500000Z");
    expect(r.records[0]?.assumedZone).toBeNull();
  });

  it("message, action and fields come from the rule and its Details / ExtraFieldInfo", () => {
    expect(r.records[0]?.draft).toMatchObject({
      message:
        "[med] Failed Logon - Wrong Password: Type: 3 - NETWORK ¦ TgtUser: admin ¦ SrcComp: KALI ¦ SrcIP: 203.0.113.9 ¦ AuthPkg: NTLM ¦ Proc: -",
      action: "Failed Logon - Wrong Password",
      category: "Sec",
      actor: "admin@CONTOSO",
      srcIp: "203.0.113.9",
      host: "dc01.contoso.test",
      timestampDesc: "Event Logged",
    });
    expect(r.records[0]?.entities).toContainEqual({ kind: "host", value: "kali", role: "src" });
    expect(r.records[1]?.draft).toMatchObject({ actor: "alice@CONTOSO", target: "C:\\windows\\system32\\lsass.exe" });
    expect(r.records[1]?.entities).toContainEqual({ kind: "process", value: "c:\\windows\\system32\\lsass.exe", role: "target" });
    expect(r.records[1]?.raw.ExtraFieldInfo).toBe("CallTrace: C:\\windows\\SYSTEM32\\ntdll.dll+9c584 ¦ FutureKey: kept");
  });

  it("two rules on one record stay two events: the rule is part of the id", () => {
    expect(r.records[1]?.draft.nativeId).toBe("hayabusa|Sysmon|ws-alice.contoso.test|5503|LSASS Access From Non System Account");
    expect(r.records[2]?.draft.nativeId).toBe(
      "hayabusa|Sysmon|ws-alice.contoso.test|5503|Potential Credential Dumping Via LSASS Process Clone",
    );
  });

  it("--US-time timestamps are read with their meridiem and offset", async () => {
    const us = await parseFileForTest(fixture("hayabusa/timeline-us-time.csv"));
    expect(us.format).toBe("hayabusa-csv");
    expect(us.records[0]?.occurredAt).toBe("2023-05-15T19:12:40.500000Z");
  });
});

describe("hayabusa-json", () => {
  const file = fixture("hayabusa/timeline.jsonl");
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(file);
  });

  it("JSONL (-L): detected, the broken line reported, raw as read", () => {
    expect(r.format).toBe("hayabusa-json");
    expect(r.problems).toEqual([{ line: 3, reason: "JSON object broken: a string runs past the end of the line" }]);
    const lines = readFileSync(file, "utf8").split("\n");
    for (const rec of r.records) expect(rec.raw).toEqual(JSON.parse(lines[rec.line - 1] ?? ""));
  });

  it("Details objects give the fields; the rule id makes the native id", () => {
    expect(r.records[0]?.draft).toMatchObject({
      message:
        "[med] Failed Logon - Wrong Password: Type: 3 - NETWORK ¦ TgtUser: admin ¦ SrcComp: KALI ¦ SrcIP: 203.0.113.9 ¦ AuthPkg: NTLM",
      actor: "admin@CONTOSO",
      nativeId: "hayabusa|Sec|dc01.contoso.test|1200|5b0b75dc-9190-4047-b9a8-14164cee8a31",
    });
    expect(r.records[2]?.draft).toMatchObject({ actor: "alice@CONTOSO", target: "C:\\Users\\alice\\AppData\\Local\\Temp\\out.dmp" });
    expect(r.records[2]?.entities).toContainEqual({
      kind: "file",
      value: "c:\\users\\alice\\appdata\\local\\temp\\out.dmp",
      role: "target",
    });
  });

  it("pretty printed json-timeline output reads the same", async () => {
    const pretty = await parseFileForTest(fixture("hayabusa/timeline-pretty.txt"));
    expect(pretty.format).toBe("hayabusa-json");
    expect(pretty.problems).toEqual([]);
    expect(pretty.records.map((x) => [x.line, x.draft.nativeId])).toEqual([
      [1, r.records[0]?.draft.nativeId],
      [23, r.records[1]?.draft.nativeId],
    ]);
  });
});

describe("detailPairs", () => {
  it("splits CSV Details on ¦ and the first colon, and drops empty values from objects", () => {
    expect(detailPairs("Cmdline: cmd /c echo a:b ¦ Proc: C:\\x.exe ¦ junk")).toEqual([
      ["Cmdline", "cmd /c echo a:b"],
      ["Proc", "C:\\x.exe"],
    ]);
    expect(detailPairs({ A: "1", B: "-", C: 3, D: "" })).toEqual([
      ["A", "1"],
      ["C", "3"],
    ]);
    expect(detailPairs(undefined)).toEqual([]);
  });
});
