import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";
import { fixture, LSASS_SAMPLE } from "./windows-test-files";

type Parsed = Awaited<ReturnType<typeof parseFileForTest>>;

describe("windows-flat-json on the real Security-Datasets sample (lsass_dump_comsvcs.jsonl)", () => {
  const lines = readFileSync(LSASS_SAMPLE, "utf8").split("\n");
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(LSASS_SAMPLE);
  });
  const at = (line: number) => r.records.find((x) => x.line === line);

  it("imports every line, none rejected, raw exactly as read", () => {
    expect(r.format).toBe("windows-flat-json");
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(lines.filter((l) => l.trim()).length);
    for (const rec of r.records) expect(rec.raw).toEqual(JSON.parse(lines[rec.line - 1] ?? ""));
  });

  it("zone-less TimeCreated is read in the import's zone (UTC by default), recorded as assumed, exact to the millisecond", () => {
    expect(new Set(r.records.map((x) => x.assumedZone))).toEqual(new Set(["UTC"]));
    expect(at(1)?.draft.time).toBe("2020-10-18 07:50:06.220");
    expect(at(1)?.occurredAt).toBe("2020-10-18T07:50:06.220000Z");
  });

  it("in another zone the same row moves by that zone's offset", async () => {
    const berlin = await parseFileForTest(LSASS_SAMPLE, { zone: "Europe/Berlin" });
    const first = berlin.records.find((x) => x.line === 1);
    expect(first?.occurredAt).toBe("2020-10-18T05:50:06.220000Z");
    expect(first?.assumedZone).toBe("Europe/Berlin");
  });

  it("Sysmon 10: rundll32 opening lsass.exe, lsass the target process", () => {
    const access = r.records.filter((x) => x.draft.action === "process-access" && /lsass\.exe$/i.test(x.draft.target ?? ""));
    expect(access.length).toBeGreaterThan(0);
    expect(at(74)?.draft).toMatchObject({
      message: "Process access: C:\\Windows\\System32\\rundll32.exe → C:\\windows\\system32\\lsass.exe (GrantedAccess 0x1fffff)",
      target: "C:\\windows\\system32\\lsass.exe",
      category: "Microsoft-Windows-Sysmon/Operational",
    });
    expect(at(74)?.entities).toContainEqual({ kind: "process", value: "c:\\windows\\system32\\lsass.exe", role: "target" });
  });

  it("Sysmon 11: the dump file is a file entity", () => {
    expect(at(75)?.draft).toMatchObject({ action: "file-create", target: "C:\\Users\\wardog\\AppData\\Local\\Temp\\lsass-comsvcs.dmp" });
    expect(at(75)?.entities).toContainEqual({
      kind: "file",
      value: "c:\\users\\wardog\\appdata\\local\\temp\\lsass-comsvcs.dmp",
      role: "target",
    });
  });

  it("1102: the log clear is there, its account read from the message", () => {
    expect(at(36)?.draft).toMatchObject({
      action: "audit-log-cleared",
      actor: "wardog@WORKSTATION5",
      message: "Audit log cleared (Security) by wardog@WORKSTATION5",
    });
  });

  it("4688 and Sysmon 1: the comsvcs MiniDump command line, by the same account", () => {
    for (const line of [17, 107]) {
      expect(at(line)?.draft).toMatchObject({ action: "process-create", actor: "wardog@WORKSTATION5" });
      expect(at(line)?.draft.message).toContain("comsvcs.dll MiniDump 756");
    }
  });
});

describe("windows-flat-json on NXLog-shaped records", () => {
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(fixture("windows/flat.jsonl"));
  });

  it("reads EventTime and RecordNumber, and reports the cut line and the record without a time", () => {
    expect(r.format).toBe("windows-flat-json");
    expect(r.problems).toEqual([
      { line: 3, reason: "JSON object cut short: a new record starts before it ends" },
      { line: 5, reason: "no event time (TimeCreated/EventTime/TimeGenerated/@timestamp)" },
    ]);
    expect(r.records[0]?.draft).toMatchObject({
      action: "logon-failed",
      nativeId: "Security|dc01.contoso.test|1200",
      actor: "admin@CONTOSO",
    });
    expect(r.records[0]?.occurredAt).toBe("2023-05-15T03:12:40.000000Z");
    expect(r.records[1]?.draft).toMatchObject({ action: "process-create", actor: "alice@CONTOSO" });
  });
});

describe("winlogbeat-json", () => {
  const file = fixture("windows/winlogbeat.jsonl");
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(file);
  });

  it("is detected; @timestamp is the time, zone stated; a document without it is reported", () => {
    expect(r.format).toBe("winlogbeat-json");
    expect(r.problems).toEqual([{ line: 5, reason: "no event time (@timestamp)" }]);
    expect(r.records[0]?.occurredAt).toBe("2023-05-15T03:12:44.123000Z");
    expect(r.records[0]?.assumedZone).toBeNull();
  });

  it("winlog.* fields map like the event itself; raw is the document as read", () => {
    const lines = readFileSync(file, "utf8").split("\n");
    for (const rec of r.records) expect(rec.raw).toEqual(JSON.parse(lines[rec.line - 1] ?? ""));
    expect(r.records[0]?.draft).toMatchObject({
      action: "logon",
      actor: "alice@CONTOSO",
      outcome: "success",
      nativeId: "Security|dc01.contoso.test|1201",
    });
    expect(r.records[2]?.draft).toMatchObject({ action: "network-connect", dstIp: "203.0.113.80" });
  });

  it("param1…param23 are WER's unnamed values, in numeric order", () => {
    expect(r.records[1]?.draft.message).toBe(
      "WER APPCRASH report 8a13d73c-62b8-11e1-ab53-0050ba3279b5: msa-signing.exe crashed; attached: C:\\ProgramData\\Microsoft\\Windows\\WER\\Temp\\WER4D1A.tmp.mdmp, C:\\ProgramData\\Microsoft\\Windows\\WER\\ReportArchive\\AppCrash_msa-signing\\memory.hdmp; fault bucket 1734129380, status 4",
    );
  });

  it("an Elasticsearch hit is read through its _source, user_data included", () => {
    expect(r.records[3]?.draft).toMatchObject({
      action: "audit-log-cleared",
      actor: "alice@CONTOSO",
      nativeId: "Security|signer01.contoso.test|1300",
    });
  });
});
