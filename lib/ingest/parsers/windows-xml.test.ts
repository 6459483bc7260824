import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFileForTest } from "../testing-parse-file";
import { fixture } from "./windows-test-files";
import { windowsXmlFormat } from "./windows-xml";
import { parseXmlElement } from "./windows-xml-parse";
import { xmlEventToRaw } from "./windows-xml-raw";

type Parsed = Awaited<ReturnType<typeof parseFileForTest>>;

/** One object-valued field of raw, for reading into it without casts at every step. */
const part = (raw: Record<string, unknown> | undefined, key: string) => (raw?.[key] ?? {}) as Record<string, unknown>;

const SAVED = fixture("windows/events-saved.xml");
const LINES = fixture("windows/wevtutil-lines.xml");

describe("windows-xml: Event Viewer's Save as XML", () => {
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(SAVED);
  });
  // EventID is its text, or {"@Qualifiers", "#text"} when the element has the attribute.
  const idOf = (raw: Record<string, unknown>) => {
    const id = (raw.System as Record<string, unknown>).EventID;
    return typeof id === "string" ? id : (id as Record<string, string>)["#text"];
  };
  const byId = (id: string) => r.records.find((x) => idOf(x.raw) === id);

  it("is detected from content and reads every event, each from the line it starts on", () => {
    expect(r.format).toBe("windows-xml");
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.line)).toEqual([3, 9, 10, 33, 34, 35, 36, 37, 38]);
  });

  it("keeps the instant to the microsecond (SystemTime's 7th digit is cut, never rounded), zone stated by the Z", () => {
    const logon = byId("4624");
    expect(logon?.occurredAt).toBe("2023-05-15T03:12:44.123456Z");
    expect(logon?.assumedZone).toBeNull();
    expect(byId("4663")?.occurredAt).toBe("2023-05-15T03:20:01.000000Z");
  });

  it("raw is the documented JSON of the XML: System, EventData by Name, RenderingInfo, unknown fields kept", () => {
    const raw = byId("4624")?.raw;
    expect(raw).toMatchObject({
      "@xmlns": "http://schemas.microsoft.com/win/2004/08/events/event",
      System: {
        Provider: { "@Name": "Microsoft-Windows-Security-Auditing", "@Guid": "{54849625-5478-4994-A5BA-3E3B0328C30D}" },
        EventID: "4624",
        TimeCreated: { "@SystemTime": "2023-05-15T03:12:44.1234567Z" },
        EventRecordID: "1201",
        Correlation: { "@ActivityID": "{0D8E4C2A-1B3F-0001-7A4C-8E0D3F1BD901}" },
        Execution: { "@ProcessID": "636", "@ThreadID": "1184" },
        Security: "",
      },
      EventData: { LogonProcessName: "NtLmSsp ", FutureField: "kept as is", ProcessName: "-" },
      RenderingInfo: { "@Culture": "en-US", Keywords: { Keyword: "Audit Success" } },
    });
    expect(part(raw, "RenderingInfo").Message).toBe(
      "An account was successfully logged on.\r\n\r\nSubject:\r\n\tAccount Name:\t\tDC01$\r\n\r\nNew Logon:\r\n\tAccount Name:\t\talice",
    );
  });

  it("decodes entities and CDATA, keeps significant whitespace, and turns unnamed Data into a list", () => {
    const proc = byId("4688");
    expect(part(proc?.raw, "EventData").CommandLine).toBe('cmd.exe /c "copy C:\\Keys\\signing.pfx \\\\ws-alice\\drop\\ && echo done" <nul');
    expect(part(proc?.raw, "EventData").Note).toBe("raw <text> & more");
    expect(part(byId("4663")?.raw, "EventData").AccessList).toBe("%%4416\n\t\t\t\t");
    const crash = byId("1000")?.raw;
    expect(crash?.System).toMatchObject({ EventID: { "@Qualifiers": "0", "#text": "1000" } });
    expect(part(crash, "EventData").Data).toHaveLength(15);
    expect(byId("1102")?.raw.UserData).toEqual({
      LogFileCleared: {
        "@xmlns": "http://manifests.microsoft.com/win/2004/08/windows/eventlog",
        SubjectUserSid: "S-1-5-21-1004336348-1177238915-682003330-1104",
        SubjectUserName: "alice",
        SubjectDomainName: "CONTOSO",
        SubjectLogonId: "0x91AA",
      },
    });
  });

  it("maps each event: logon, object access, share access, log clear, crash and WER report", () => {
    expect(byId("4624")?.draft).toMatchObject({
      action: "logon",
      actor: "alice@CONTOSO",
      srcIp: "203.0.113.7",
      host: "dc01.contoso.test",
      nativeId: "Security|dc01.contoso.test|1201",
    });
    expect(byId("4625")?.draft).toMatchObject({ action: "logon-failed", outcome: "failure", actor: "admin@CONTOSO" });
    expect(byId("5145")?.draft.target).toBe(
      "\\\\*\\C$\\ProgramData\\Microsoft\\Windows\\WER\\ReportArchive\\AppCrash_msa-signing\\memory.hdmp",
    );
    expect(byId("1102")?.draft).toMatchObject({ action: "audit-log-cleared", actor: "alice@CONTOSO" });
    const wer = byId("1001");
    expect(wer?.draft.message).toBe(
      "WER APPCRASH report 8a13d73c-62b8-11e1-ab53-0050ba3279b5: msa-signing.exe crashed; attached: C:\\ProgramData\\Microsoft\\Windows\\WER\\Temp\\WER4D1A.tmp.mdmp, C:\\ProgramData\\Microsoft\\Windows\\WER\\ReportArchive\\AppCrash_msa-signing\\memory.hdmp; fault bucket 1734129380, status 4",
    );
    expect(wer?.entities).toEqual([
      { kind: "host", value: "signer01.contoso.test", role: "host" },
      { kind: "file", value: "c:\\programdata\\microsoft\\windows\\wer\\temp\\wer4d1a.tmp.mdmp", role: "attachment" },
      {
        kind: "file",
        value: "c:\\programdata\\microsoft\\windows\\wer\\reportarchive\\appcrash_msa-signing\\memory.hdmp",
        role: "attachment",
      },
    ]);
    // The same dump reached over the share: one file entity links the crash report and the share access.
    expect(byId("5145")?.entities).toContainEqual({
      kind: "file",
      value: "c:\\programdata\\microsoft\\windows\\wer\\reportarchive\\appcrash_msa-signing\\memory.hdmp",
      role: "target",
    });
  });

  it("offers the raw paths as mapping fields, and a --map choice overrides the format's", async () => {
    const text = readFileSync(SAVED, "utf8").split("\n");
    const fields = windowsXmlFormat.sampleFields({ fileName: "x.xml", lines: text });
    expect(fields).toEqual(
      expect.arrayContaining(["System.EventID", "System.TimeCreated.@SystemTime", "EventData.TargetUserName", "RenderingInfo.Message"]),
    );
    const mapped = await parseFileForTest(SAVED, { mapping: { actor: "EventData.SubjectUserName" } });
    expect(mapped.records[0]?.draft.actor).toBe("DC01$");
    expect(mapped.records[0]?.draft.action).toBe("logon");
  });
});

describe("windows-xml: wevtutil qe /f:xml, one event a line, with broken lines", () => {
  let r: Parsed;
  beforeAll(async () => {
    r = await parseFileForTest(LINES);
  });

  it("reports each broken line with its reason and reads the rest", () => {
    expect(r.format).toBe("windows-xml");
    expect(r.problems).toEqual([
      { line: 5, reason: "malformed event XML: </Sytem> closes <System>" },
      { line: 6, reason: "text outside an <Event> element" },
      { line: 7, reason: "<Event> cut short: a new <Event> starts before </Event>" },
      { line: 9, reason: 'malformed event XML: unknown entity "&nbsp;"' },
      { line: 10, reason: "no event time (System/TimeCreated/@SystemTime)" },
      { line: 11, reason: "<Event> not closed at the end of the file" },
    ]);
    expect(r.records.map((x) => [x.line, x.draft.action])).toEqual([
      [1, "process-create"],
      [2, "network-connect"],
      [3, "process-access"],
      [4, "file-create"],
      [8, "dns-query"],
    ]);
  });

  it("Sysmon 10 on lsass and Sysmon 11 writing a dump", () => {
    const access = r.records.find((x) => x.draft.action === "process-access");
    expect(access?.draft).toMatchObject({ target: "C:\\windows\\system32\\lsass.exe", actor: "alice@CONTOSO" });
    expect(access?.occurredAt).toBe("2023-05-15T03:30:06.025000Z");
    const dump = r.records.find((x) => x.draft.action === "file-create");
    expect(dump?.entities).toContainEqual({ kind: "file", value: "c:\\users\\alice\\appdata\\local\\temp\\out.dmp", role: "target" });
    const net = r.records.find((x) => x.draft.action === "network-connect");
    expect(net?.entities).toContainEqual({ kind: "ip", value: "2001:db8::80", role: "dst" });
  });
});

describe("xmlEventToRaw", () => {
  it("repeated names become lists, and a Data named __proto__ stays data", () => {
    const raw = xmlEventToRaw(
      parseXmlElement(
        '<Event><System><EventID>1</EventID></System><EventData><Data Name="__proto__">x</Data><Data Name="A">1</Data><Data Name="A">2</Data></EventData>' +
          "<RenderingInfo><Keywords><Keyword>Audit Success</Keyword><Keyword>Classic</Keyword></Keywords></RenderingInfo></Event>",
      ),
    );
    const data = part(raw, "EventData");
    expect(Object.hasOwn(data, "__proto__")).toBe(true);
    expect(JSON.parse(JSON.stringify(data))).toEqual(JSON.parse('{"__proto__":"x","A":["1","2"]}'));
    expect(part(part(raw, "RenderingInfo"), "Keywords").Keyword).toEqual(["Audit Success", "Classic"]);
  });
});
