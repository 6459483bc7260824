import type { EntityRef, EventDraft } from "../canonical";
import { account, field, messageTitle, outcomeFromKeywords, type Semantics, sessionEntity, text, type WinEvent } from "./windows-event";
import { SECURITY_HANDLERS } from "./windows-security";
import { SECURITY_ACTIONS } from "./windows-security-codes";
import { SYSMON_ACTIONS, SYSMON_HANDLERS } from "./windows-sysmon";
import { applicationError, errorReport } from "./windows-wer";

type Family = "security" | "sysmon" | "wer" | "other";

function familyOf(ev: WinEvent): Family {
  const channel = ev.channel?.toLowerCase();
  const provider = ev.provider?.toLowerCase();
  // Sysmon for Linux writes the same events under its own name.
  if (provider === "microsoft-windows-sysmon" || channel === "microsoft-windows-sysmon/operational") return "sysmon";
  if (provider === "linux-sysmon" || channel === "linux-sysmon/operational") return "sysmon";
  if (provider === "microsoft-windows-security-auditing" || channel === "security") return "security";
  // Many Application-log providers have an event 1000; only these two mean a crash and its report.
  const wer = provider === "application error" || provider === "windows error reporting" || (!provider && channel === "application");
  return wer && (ev.eventId === 1000 || ev.eventId === 1001) ? "wer" : "other";
}

const WER_ACTIONS: Record<number, string> = { 1000: "application-crash", 1001: "error-report" };
const OTHER_ACTIONS: Record<number, string> = { 7045: "service-installed", 4104: "powershell-script-block" };
const ACTIONS: Record<Family, Record<number, string>> = {
  security: SECURITY_ACTIONS,
  sysmon: SYSMON_ACTIONS,
  wer: WER_ACTIONS,
  other: OTHER_ACTIONS,
};

/** Every action name a Windows event with this id may be recorded with, whatever its channel. */
export function possibleWindowsActions(id: number): string[] {
  const names = [SECURITY_ACTIONS[id], SYSMON_ACTIONS[id], WER_ACTIONS[id], OTHER_ACTIONS[id], String(id)];
  return [...new Set(names.filter((n): n is string => typeof n === "string"))];
}

/** A short action name: the event's common name when known, else its event id. */
function actionOf(ev: WinEvent, family: Family): string | undefined {
  return ev.eventId === undefined ? undefined : (ACTIONS[family][ev.eventId] ?? String(ev.eventId));
}

function semanticsOf(ev: WinEvent, family: Family): Semantics | undefined {
  const id = ev.eventId;
  if (id === undefined) return undefined;
  if (family === "security") return SECURITY_HANDLERS[id]?.(ev);
  if (family === "sysmon") return SYSMON_HANDLERS[id]?.(ev);
  if (family === "wer") return id === 1000 ? applicationError(ev) : errorReport(ev);
  return undefined;
}

const first = (ev: WinEvent, names: string[]) => names.map((n) => field(ev, n)).find((v) => v !== undefined);

/** For events without their own summary: title, then what was touched, by which process and account. */
function generic(ev: WinEvent, action: string | undefined): Semantics {
  const subject = account(field(ev, "SubjectUserName"), field(ev, "SubjectDomainName"));
  const actor = subject ?? account(field(ev, "User")) ?? account(field(ev, "TargetUserName"), field(ev, "TargetDomainName"));
  const targetAccount = subject ? account(field(ev, "TargetUserName"), field(ev, "TargetDomainName")) : undefined;
  const target =
    first(ev, [
      "ObjectName",
      "TargetFilename",
      "TargetObject",
      "ImageLoaded",
      "ServiceName",
      "TaskName",
      "QueryName",
      "MemberName",
      "ShareName",
    ]) ?? targetAccount;
  const process = first(ev, ["ProcessName", "Image", "NewProcessName", "Application", "SourceImage"]);
  const srcIp = first(ev, ["IpAddress", "SourceIp", "SourceAddress", "ClientAddress"]);
  const dstIp = first(ev, ["DestinationIp", "DestAddress"]);
  const title = messageTitle(ev.message) ?? ev.title ?? (action && action !== String(ev.eventId) ? action : undefined);
  const head = title ?? `Event ${ev.eventId ?? "?"}${ev.provider ? ` (${ev.provider})` : ""}`;
  const subjectText = target ? `${target}${process && process !== target ? ` (process ${process})` : ""}` : process;
  const details = [subjectText && `: ${subjectText}`, actor && ` by ${actor}`, srcIp && ` from ${srcIp}`, dstIp && ` to ${dstIp}`]
    .filter(Boolean)
    .join("");
  const fallback = ev.summary ?? dataSummary(ev);
  const message = details ? `${head}${details}` : fallback ? `${head}: ${fallback}` : head;
  const entities: EntityRef[] = [];
  if (process) entities.push({ kind: "process", value: process, role: "process" });
  if (targetAccount) entities.push({ kind: "account", value: targetAccount, role: "target" });
  entities.push(...sessionEntity(ev, field(ev, "SubjectLogonId") ?? field(ev, "LogonId"), "session"));
  return { message, actor, target, srcIp, dstIp, entities };
}

/** "Name=value …" of the first few values, for events nothing else describes. */
function dataSummary(ev: WinEvent): string {
  const named = Object.entries(ev.data)
    .map(([k, v]) => [k, text(v)] as const)
    .filter(([, v]) => v !== undefined && v.length <= 200)
    .map(([k, v]) => `${k}=${v}`);
  return [...named, ...ev.params.filter((p) => text(p) !== undefined && p.length <= 200)].slice(0, 6).join(" ");
}

/** Windows paths ignore case, and events spell one path several ways (System32, system32): one entity. */
export function caselessPath(e: EntityRef): EntityRef {
  return e.kind === "file" || e.kind === "process" ? { ...e, value: e.value.toLowerCase() } : e;
}

/** The canonical fields of one Windows event, whichever tool exported it. */
export function draftFromWinEvent(ev: WinEvent): EventDraft | { error: string } {
  const time = ev.time;
  if (time === undefined || time === null || time === "") return { error: `no event time (${ev.timeField})` };
  if (typeof time !== "string" && typeof time !== "number") return { error: `event time (${ev.timeField}) is not text` };
  const family = familyOf(ev);
  const action = actionOf(ev, family);
  const s = semanticsOf(ev, family) ?? generic(ev, action);
  return {
    ...s,
    entities: s.entities?.map(caselessPath),
    time,
    isZoneStated: ev.isZoneStated,
    timestampDesc: "Event Logged",
    action,
    category: ev.channel,
    outcome: s.outcome ?? outcomeFromKeywords(ev.keywords),
    host: ev.computer,
    nativeId: ev.recordId ? `${ev.channel ?? ""}|${ev.computer ?? ""}|${ev.recordId}` : undefined,
  };
}
