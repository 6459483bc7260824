import type { EntityRef } from "../canonical";
import { field, messageField, type Semantics, text, type WinEvent } from "./windows-event";

// Application 1000 ("Application Error") and 1001 ("Windows Error Reporting"). Their EventData is a
// list of unnamed <Data> (named on newer 1000s); exports that dropped it keep the rendered message,
// so each field is read from the list, else from the message. Layout: storm-0558.md §3.3.

const APP_ERROR_NAMES = [
  "AppName",
  "AppVersion",
  "AppTimeStamp",
  "ModuleName",
  "ModuleVersion",
  "ModuleTimeStamp",
  "ExceptionCode",
  "FaultingOffset",
  "ProcessId",
  "ProcessCreationTime",
  "AppPath",
  "ModulePath",
  "IntegratorReportId",
] as const;
type AppErrorField = (typeof APP_ERROR_NAMES)[number];

// Where the rendered 1000 message says each field: [label, which comma-separated part].
const APP_ERROR_LABELS: Partial<Record<AppErrorField, [string, number]>> = {
  AppName: ["Faulting application name", 0],
  AppVersion: ["Faulting application name", 1],
  ModuleName: ["Faulting module name", 0],
  ModuleVersion: ["Faulting module name", 1],
  ExceptionCode: ["Exception code", 0],
  FaultingOffset: ["Fault offset", 0],
  ProcessId: ["Faulting process id", 0],
  AppPath: ["Faulting application path", 0],
  ModulePath: ["Faulting module path", 0],
  IntegratorReportId: ["Report Id", 0],
};

function appError(ev: WinEvent, name: AppErrorField): string | undefined {
  const named = field(ev, name);
  if (named) return named;
  const i = APP_ERROR_NAMES.indexOf(name);
  if (ev.params.length > i) return text(ev.params[i]);
  const label = APP_ERROR_LABELS[name];
  if (!label) return undefined;
  // "msa-signing.exe, version: 1.0.0.0, time stamp: 0x5f3e…": the part asked for, without its label.
  const part = messageField(ev.message, label[0])?.split(",")[label[1]]?.trim();
  return text(label[1] === 0 ? part : part?.replace(/^[\w ]+:\s*/, ""));
}

/** 1000: an application crashed; the report id joins it to the WER 1001 that follows. */
export function applicationError(ev: WinEvent): Semantics {
  const app = appError(ev, "AppName");
  const module = appError(ev, "ModuleName");
  const code = appError(ev, "ExceptionCode");
  const offset = appError(ev, "FaultingOffset");
  const pid = appError(ev, "ProcessId");
  const reportId = appError(ev, "IntegratorReportId");
  const appPath = appError(ev, "AppPath");
  const modulePath = appError(ev, "ModulePath");
  const parts = [
    module && `faulting module ${module}${appError(ev, "ModuleVersion") ? ` ${appError(ev, "ModuleVersion")}` : ""}`,
    code && `exception ${code}`,
    offset && `offset ${offset}`,
    pid && `process id ${pid}`,
    reportId && `report ${reportId}`,
  ].filter(Boolean);
  const entities: EntityRef[] = [];
  if (appPath ?? app) entities.push({ kind: "process", value: (appPath ?? app) as string, role: "process" });
  if (modulePath) entities.push({ kind: "file", value: modulePath, role: "module" });
  return {
    message: `Application crash: ${app ?? "unknown application"}${appError(ev, "AppVersion") ? ` ${appError(ev, "AppVersion")}` : ""}${parts.length ? `; ${parts.join(", ")}` : ""}`,
    outcome: "failure",
    target: appPath ?? app,
    entities,
  };
}

export type WerReport = {
  bucket?: string;
  eventName?: string;
  problem: string[];
  attached: string[];
  location?: string;
  reportId?: string;
  status?: string;
};

/** The 1001 fields, from the 21+ unnamed values (%1…%21) or else the rendered message. */
export function werReport(ev: WinEvent): WerReport {
  const p = ev.params;
  if (p.length >= 20) {
    return {
      bucket: text(p[0]),
      eventName: text(p[2]),
      problem: p.slice(5, 15).map((v) => v.trim()),
      attached: splitPaths(p[15]),
      location: text(p[16]?.trim()),
      reportId: text(p[19]?.trim()),
      status: text(p[20]?.trim()),
    };
  }
  const m = ev.message ?? "";
  return {
    bucket: text(/Fault bucket ([^,\r\n]*)/.exec(m)?.[1]?.trim()),
    eventName: messageField(m, "Event Name"),
    problem: Array.from({ length: 10 }, (_, i) => messageField(m, `P${i + 1}`) ?? ""),
    attached: blockAfter(m, "Attached files:"),
    location: blockAfter(m, "These files may be available here:")[0],
    reportId: messageField(m, "Report Id"),
    status: messageField(m, "Report Status"),
  };
}

/** The lines after a label in a rendered message, up to the next blank line. */
function blockAfter(message: string, label: string): string[] {
  const at = message.indexOf(label);
  if (at === -1) return [];
  const out: string[] = [];
  for (const line of message
    .slice(at + label.length)
    .split(/\r?\n/)
    .slice(1)) {
    if (line.trim() === "") break;
    out.push(line.trim());
  }
  return out;
}

function splitPaths(value: string | undefined): string[] {
  return (value ?? "")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** "\\?\C:\…" (the long-path prefix WER writes) → "C:\…", so the path links with other events' paths. */
export function plainPath(path: string): string {
  return path.replace(/^\\\\\?\\/, "");
}

const isDump = (path: string) => /\.(?:dmp|mdmp|hdmp)$/i.test(path);

/** 1001: a Windows Error Reporting report; the dumps it attached are what an attacker would want. */
export function errorReport(ev: WinEvent): Semantics {
  const r = werReport(ev);
  const app = text(r.problem[0]);
  const dumps = r.attached.map(plainPath).filter(isDump);
  const verb = /crash|^bex/i.test(r.eventName ?? "") ? "crashed" : /hang/i.test(r.eventName ?? "") ? "hung" : "reported";
  const tail = [r.bucket && `fault bucket ${r.bucket}`, r.status && `status ${r.status}`].filter(Boolean).join(", ");
  return {
    message:
      `WER ${r.eventName ?? "report"}${r.reportId ? ` report ${r.reportId}` : ""}: ${app ?? "unknown application"} ${verb}` +
      `${dumps.length ? `; attached: ${dumps.join(", ")}` : r.attached.length ? `; ${r.attached.length} files attached` : ""}` +
      `${tail ? `; ${tail}` : ""}`,
    target: app,
    entities: dumps.map((value) => ({ kind: "file" as const, value, role: "attachment" })),
  };
}
