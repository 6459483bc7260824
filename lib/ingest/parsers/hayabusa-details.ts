import type { EntityRef, EventDraft } from "../canonical";
import { isObject } from "../formats/format";
import { account, text } from "./windows-event";
import { caselessPath } from "./windows-semantics";

// A Hayabusa row is a rule hit on one event, not the event itself: its Details (and ExtraFieldInfo,
// AllFieldInfo) hold a few fields under Hayabusa's short names (TgtUser, SrcIP, Proc…), as
// "Key: value ¦ Key: value" in CSV and as an object in JSON.

/** Details as a list of [key, value]: from the JSON object, or from the CSV text. */
export function detailPairs(v: unknown): [string, string][] {
  if (isObject(v)) return Object.entries(v).flatMap(([k, val]) => (text(val) === undefined ? [] : [[k, text(val) as string]]));
  if (typeof v !== "string") return [];
  return v.split(" ¦ ").flatMap((part) => {
    const colon = part.indexOf(": ");
    return colon > 0 ? [[part.slice(0, colon).trim(), part.slice(colon + 2).trim()] as [string, string]] : [];
  });
}

/** Logon-type events name the account that logged on TgtUser; elsewhere User or SrcUser is who acted. */
const TARGET_IS_ACTOR = new Set([4624, 4625, 4634, 4647, 4672, 4768, 4769, 4771, 4776]);

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

// --US-time and --European-time write "05-15-2023 03:12:44.123 AM +00:00" / "15-05-2023 03:12:44.123 +00:00".
function timeFormatOf(time: string): string | undefined {
  if (!/^\d{2}-\d{2}-\d{4} /.test(time)) return undefined;
  return /\s[AP]M\b/i.test(time) ? "%m-%d-%Y %I:%M:%S.%f %p %z" : "%d-%m-%Y %H:%M:%S.%f %z";
}

export function hayabusaDraft(raw: Record<string, unknown>): EventDraft | { error: string } {
  const time = str(raw.Timestamp)?.trim();
  if (!time) return { error: "no Timestamp" };
  const details = detailPairs(raw.Details);
  const all = [...details, ...detailPairs(raw.ExtraFieldInfo), ...detailPairs(raw.AllFieldInfo)];
  const get = (...keys: string[]) => keys.map((k) => all.find(([name]) => name === k)?.[1]).find((v) => text(v) !== undefined);
  const eventId = Number(raw.EventID);
  const targetIsActor = TARGET_IS_ACTOR.has(eventId);
  const user = targetIsActor
    ? get("TgtUser", "TargetUserName", "User")
    : get("User", "SrcUser", "SubjectUserName", "TgtUser", "TargetUserName");
  // The domain, when the profile kept it, makes the account the same one the Security events name.
  const domain = targetIsActor ? get("TargetDomainName") : get("SubjectDomainName");
  const process = get("Proc", "Image", "SrcProc", "NewProcessName", "ProcessName");
  const targetProcess = get("TgtProc", "TargetImage");
  const file = get("Path", "TgtFile", "TargetFilename", "ObjectName");
  const level = text(raw.Level);
  const title = text(raw.RuleTitle) ?? "Hayabusa detection";
  const detailText = typeof raw.Details === "string" ? text(raw.Details) : details.map(([k, v]) => `${k}: ${v}`).join(" ¦ ");
  const entities: EntityRef[] = [];
  if (process) entities.push({ kind: "process", value: process, role: "process" });
  if (targetProcess) entities.push({ kind: "process", value: targetProcess, role: "target" });
  if (file) entities.push({ kind: "file", value: file, role: "target" });
  const srcComputer = get("SrcComp", "WorkstationName");
  if (srcComputer) entities.push({ kind: "host", value: srcComputer, role: "src" });
  const recordId = text(raw.RecordID);
  const computer = text(raw.Computer);
  return {
    time,
    timeFormat: timeFormatOf(time),
    timestampDesc: "Event Logged",
    message: `${level ? `[${level}] ` : ""}${title}${detailText ? `: ${detailText}` : ""}`,
    action: title,
    category: text(raw.Channel),
    actor: account(user, domain),
    host: computer,
    srcIp: get("SrcIP", "IpAddress", "SourceIp"),
    dstIp: get("TgtIP", "DstIP", "DestinationIp"),
    target: targetProcess ?? file,
    // A rule hit, not the event: two rules on one record are two rows, and neither is the event itself.
    nativeId: recordId ? `hayabusa|${text(raw.Channel) ?? ""}|${computer ?? ""}|${recordId}|${text(raw.RuleID) ?? title}` : undefined,
    entities: entities.map(caselessPath),
  };
}
