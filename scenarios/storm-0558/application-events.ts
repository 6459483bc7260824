// Application-log events as `wevtutil qe /f:xml` renders them: classic providers (Application
// Error 1000, Windows Error Reporting 1001, VSS…) with the short System block, manifest
// providers with Version/Opcode/Correlation/Execution; EventData as unnamed <Data> values.

import { SIGNING_HOST } from "./cast";
import type { Rng } from "./random";
import { systemTime } from "./time";

const NS = "http://schemas.microsoft.com/win/2004/08/events/event";
const WER_DIR = "C:\\ProgramData\\Microsoft\\Windows\\WER";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;");

export type Ev = {
  provider: string;
  /** Manifest providers carry a GUID and the full System block; classic ones do not. */
  guid?: string;
  eventSourceName?: string;
  eventId: number;
  qualifiers?: number;
  level: number;
  task: number;
  keywords: string;
  data?: string[];
  binary?: string;
};

export function eventXml(e: Ev, t: number, tick: number, recordId: number, rng: Rng): string {
  const provider = `<Provider Name='${xml(e.provider)}'${e.guid ? ` Guid='${e.guid}'` : ""}${e.eventSourceName ? ` EventSourceName='${xml(e.eventSourceName)}'` : ""}/>`;
  const eventId =
    e.qualifiers === undefined ? `<EventID>${e.eventId}</EventID>` : `<EventID Qualifiers='${e.qualifiers}'>${e.eventId}</EventID>`;
  const manifest = e.guid !== undefined && e.qualifiers === undefined;
  const system = manifest
    ? `${provider}${eventId}<Version>0</Version><Level>${e.level}</Level><Task>${e.task}</Task><Opcode>0</Opcode><Keywords>${e.keywords}</Keywords><TimeCreated SystemTime='${systemTime(t, tick)}'/><EventRecordID>${recordId}</EventRecordID><Correlation/><Execution ProcessID='${rng.between(600, 9000)}' ThreadID='${rng.between(600, 12000)}'/><Channel>Application</Channel><Computer>${SIGNING_HOST}</Computer><Security UserID='S-1-5-18'/>`
    : `${provider}${eventId}<Level>${e.level}</Level><Task>${e.task}</Task><Keywords>${e.keywords}</Keywords><TimeCreated SystemTime='${systemTime(t, tick)}'/><EventRecordID>${recordId}</EventRecordID><Channel>Application</Channel><Computer>${SIGNING_HOST}</Computer><Security/>`;
  const data = (e.data ?? []).map((d) => (d === "" ? "<Data></Data>" : `<Data>${xml(d)}</Data>`)).join("");
  const binary = e.binary ? `<Binary>${e.binary}</Binary>` : "";
  return `<Event xmlns='${NS}'><System>${system}</System><EventData>${data}${binary}</EventData></Event>\r\n`;
}

/** FILETIME (100 ns since 1601) of a time, as the 1000 event's ProcessCreationTime writes it. */
function filetimeHex(us: number): string {
  return `0x${((BigInt(us) + 11_644_473_600_000_000n) * 10n).toString(16).padStart(16, "0")}`;
}

export type Crash = {
  app: { exe: string; version: string; timestamp: string; path: string };
  module: { name: string; version: string; timestamp: string; path: string };
  code: string;
  offset: string;
  pid: number;
  started: number;
  reportId: string;
  bucket: string;
  hashedBucket: string;
  archive: string;
  temp: string[];
  extraAttached: string[];
};

export function appError(c: Crash): Ev {
  const data = [c.app.exe, c.app.version, c.app.timestamp, c.module.name, c.module.version, c.module.timestamp, c.code, c.offset];
  data.push(`0x${c.pid.toString(16)}`, filetimeHex(c.started), c.app.path, c.module.path, c.reportId, "", "");
  return { provider: "Application Error", eventId: 1000, qualifiers: 0, level: 2, task: 100, keywords: "0x80000000000000", data };
}

export function werReport(c: Crash): Ev {
  const p = [c.app.exe, c.app.version, c.app.timestamp, c.module.name, c.module.version, c.module.timestamp, c.code, c.offset, "", ""];
  const attached = [...c.temp.map((f) => `\\\\?\\${WER_DIR}\\Temp\\${f}`), ...c.extraAttached].join("\n");
  const data = [c.bucket, "1", "APPCRASH", "Not available", "0", ...p, attached, `\\\\?\\${WER_DIR}\\ReportArchive\\${c.archive}`];
  data.push("", "0", c.reportId, "268435456", c.hashedBucket, "");
  return { provider: "Windows Error Reporting", eventId: 1001, qualifiers: 0, level: 4, task: 0, keywords: "0x80000000000000", data };
}

export function tempFiles(hex4: () => string): string[] {
  const a = hex4();
  return [`WER${a}.tmp.mdmp`, `WER${hex4()}.tmp.WERInternalMetadata.xml`, `WER${hex4()}.tmp.csv`, `WER${hex4()}.tmp.txt`];
}

export function archiveName(exe: string, h40: string, h8: string, h8b: string): string {
  return `AppCrash_${exe.slice(0, 15)}_${h40}_${h8}_${h8b}`;
}
