// signing-system-application.xml: the MSA signing host's Application log as `wevtutil qe
// Application /f:xml` writes it (one <Event> a line, CRLF, no root element). The story is the
// April 2021 crash of the signing service: Application Error 1000, then WER 1001 with the heap
// dump. Background: other apps' crashes, restarts (User Profiles Service 1532/1531: 6005/6006
// belong to the System log, not this one), licensing and VSS chatter, service heartbeats.

import { appError, archiveName, type Crash, type Ev, eventXml, tempFiles, werReport } from "./application-events";
import { SIGNING_APP } from "./cast";
import { type FileResult, type FileSpec, produce, type Rec } from "./output";
import { createRng, type Rng, stableHex } from "./random";
import { CRASH } from "./story-2021";
import { at, backgroundTimes, iso, ROUND_THE_CLOCK, SECOND } from "./time";

export const SPEC: FileSpec = {
  file: "signing-system-application.xml",
  format: "windows-xml",
  description: "Windows Application log of the MSA signing host, wevtutil qe Application /f:xml (one event a line)",
  layout: { kind: "lines", tsDigits: 6 },
};

const WINDOW = { start: at("2021-03-01T00:00:00Z"), end: at("2021-06-01T00:00:00Z") };
const FIRST_RECORD_ID = 48_211;
/** The story: the signing service crashes on 20 April 2021 and WER keeps a full heap dump. */
function story(rng: Rng): Rec[] {
  const t = at(CRASH.at) + 321;
  const crash: Crash = {
    app: SIGNING_APP,
    module: { name: "ntdll.dll", version: "10.0.17763.1852", timestamp: "b7a9c4e2", path: "C:\\Windows\\SYSTEM32\\ntdll.dll" },
    code: "c0000005",
    offset: "000000000004a3f1",
    pid: 0x1f3c,
    started: at("2021-04-06T02:11:40.118Z"),
    reportId: CRASH.reportId,
    bucket: "1729384650192837465",
    hashedBucket: stableHex("wer:hashed-bucket", 32),
    archive: CRASH.archive,
    temp: ["WER8D2F.tmp.mdmp", "WER8E6A.tmp.WERInternalMetadata.xml", "WER8E7B.tmp.csv", "WER8E9C.tmp.txt"],
    extraAttached: [`\\\\?\\${CRASH.archivePath}\\memory.hdmp`],
  };
  const meta = { nativeIdField: "EventRecordID", nativeId: null as string | null };
  const errorKey = {
    ref: "crash.app-error",
    stage: "key-exposure" as const,
    summary: `Application Error 1000: ${SIGNING_APP.exe} crashed (exception ${crash.code}), report ${crash.reportId}`,
    ...meta,
    match: { EventID: 1000, Provider: "Application Error", "Data.0": SIGNING_APP.exe, "Data.12": crash.reportId },
  };
  const werKey = {
    ref: "crash.wer-report",
    stage: "key-exposure" as const,
    summary: `WER 1001 APPCRASH for ${SIGNING_APP.exe}: heap dump memory.hdmp kept in ReportArchive, report ${crash.reportId}`,
    ...meta,
    match: { EventID: 1001, Provider: "Windows Error Reporting", "Data.2": "APPCRASH", "Data.19": crash.reportId },
  };
  const tick = () => rng.int(10);
  return [
    {
      t,
      key: errorKey,
      render: (p) => {
        errorKey.nativeId = String(FIRST_RECORD_ID + p.index);
        return eventXml(appError(crash), t, tick(), FIRST_RECORD_ID + p.index, rng);
      },
    },
    {
      t: t + 3 * SECOND + 612_118,
      key: werKey,
      render: (p) => {
        werKey.nativeId = String(FIRST_RECORD_ID + p.index);
        return eventXml(werReport(crash), t + 3 * SECOND + 612_118, tick(), FIRST_RECORD_ID + p.index, rng);
      },
    },
  ];
}

const OTHER_APPS = [
  { exe: "monagent.exe", version: "2.3.811.4", timestamp: "5e9d02a1", path: "C:\\Program Files\\Contoso\\Monitoring\\monagent.exe" },
  { exe: "logshipper.exe", version: "1.14.2.0", timestamp: "5fc4b7d0", path: "C:\\Program Files\\Contoso\\LogShipper\\logshipper.exe" },
  { exe: "certsyncd.exe", version: "3.0.2012.9", timestamp: "5fd81c44", path: "C:\\Program Files\\Contoso\\CertSync\\certsyncd.exe" },
  { exe: "w3wp.exe", version: "10.0.17763.1", timestamp: "cfdb13d8", path: "c:\\windows\\system32\\inetsrv\\w3wp.exe" },
] as const;
const MODULES = [
  { name: "KERNELBASE.dll", version: "10.0.17763.1911", timestamp: "2b1e6f0a", path: "C:\\Windows\\System32\\KERNELBASE.dll" },
  { name: "clr.dll", version: "4.8.4341.0", timestamp: "5fe0f5d1", path: "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll" },
  { name: "ntdll.dll", version: "10.0.17763.1852", timestamp: "b7a9c4e2", path: "C:\\Windows\\SYSTEM32\\ntdll.dll" },
] as const;

function* background(rng: Rng, budget: number): Generator<Rec> {
  // ~1.17 records per draw (crashes and restarts write two), so draw fewer to land near the budget.
  const draws = Math.round(budget / 1.17);
  const hex4 = () => rng.hex(4).toUpperCase();
  for (const t of backgroundTimes(rng, WINDOW.start, WINDOW.end, draws, ROUND_THE_CLOCK)) {
    const kind = rng.weighted([
      ["heartbeat", 40],
      ["spp", 25],
      ["vss", 18],
      ["restart", 7],
      ["crash", 10],
    ] as const);
    const rec = (time: number, e: Ev): Rec => ({ t: time, render: (p) => eventXml(e, time, rng.int(10), FIRST_RECORD_ID + p.index, rng) });
    if (kind === "heartbeat") {
      const data = ["Signing service healthy", `requests served: ${rng.between(8_000, 40_000)}`, `p99 latency ms: ${rng.between(2, 9)}`];
      yield rec(t, { provider: "MsaSigningService", eventId: 100, qualifiers: 0, level: 4, task: 0, keywords: "0x80000000000000", data });
    } else if (kind === "spp") {
      const data = [iso(t + rng.between(3_600, 90_000) * SECOND, 0), "RulesEngine"];
      yield rec(t, {
        provider: "Microsoft-Windows-Security-SPP",
        guid: "{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}",
        eventSourceName: "Software Protection Platform Service",
        eventId: 16384,
        qualifiers: 16384,
        level: 4,
        task: 0,
        keywords: "0x80000000000000",
        data,
      });
    } else if (kind === "vss") {
      const text = `- Code:  CORSNTSS00000525   - Call:  CORSNTSS00000375   - PID:  ${String(rng.between(1000, 9999)).padStart(8, "0")}   - CMD:  C:\\Windows\\system32\\vssvc.exe   - User: Name: NT AUTHORITY\\SYSTEM, SID:S-1-5-18 `;
      yield rec(t, {
        provider: "VSS",
        eventId: 8224,
        qualifiers: 0,
        level: 4,
        task: 0,
        keywords: "0x80000000000000",
        binary: Buffer.from(text).toString("hex").toUpperCase(),
      });
    } else if (kind === "restart") {
      const ups = {
        provider: "Microsoft-Windows-User Profiles Service",
        guid: "{89B1E9F0-5AFF-44A6-9B44-0A07A7CE5845}",
        level: 4,
        task: 0,
        keywords: "0x8000000000000000",
      };
      const up = t + rng.between(70, 240) * SECOND + rng.int(SECOND);
      yield { ...rec(t, { ...ups, eventId: 1532 }), followUps: [rec(up, { ...ups, eventId: 1531 })] };
    } else {
      const app = rng.pick(OTHER_APPS);
      const crash: Crash = {
        app,
        module: rng.chance(0.3) ? { name: app.exe, version: app.version, timestamp: app.timestamp, path: app.path } : rng.pick(MODULES),
        code: rng.pick(["c0000005", "e0434352", "c0000409", "c0000374"]),
        offset: rng.hex(16).replace(/^.{8}/, "00000000"),
        pid: rng.between(0x200, 0x3fff),
        started: t - rng.between(60, 30 * 86_400) * SECOND,
        reportId: rng.uuid(),
        bucket: String(rng.between(1_000_000_000, 1_999_999_999)) + String(rng.between(100_000_000, 999_999_999)),
        hashedBucket: rng.hex(32),
        archive: archiveName(app.exe, rng.hex(40), rng.hex(8), rng.hex(8)),
        temp: tempFiles(hex4),
        extraAttached: [],
      };
      const report = t + rng.between(1_200_000, 6 * SECOND);
      yield { ...rec(t, appError(crash)), followUps: [rec(report, werReport(crash))] };
    }
  }
}

export async function writeSigningSystemApplication(dir: string, seed: number, budget: number): Promise<FileResult> {
  return produce(dir, SPEC, story(createRng(558, "story:signing")), background(createRng(seed, SPEC.file), budget));
}
