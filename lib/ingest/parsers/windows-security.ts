import type { EntityRef } from "../canonical";
import { account, field, messageField, type Semantics, sessionEntity, type WinEvent } from "./windows-event";
import { describeAccess, LOGON_TYPES, logonFailure } from "./windows-security-codes";

type Handler = (ev: WinEvent) => Semantics;

const subject = (ev: WinEvent) => account(field(ev, "SubjectUserName"), field(ev, "SubjectDomainName"));
const targetAccount = (ev: WinEvent) => account(field(ev, "TargetUserName"), field(ev, "TargetDomainName"));
const join = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join("");
const processRef = (path: string | undefined, role: string): EntityRef[] => (path ? [{ kind: "process", value: path, role }] : []);
const fileRef = (path: string | undefined, role: string): EntityRef[] => (path ? [{ kind: "file", value: path, role }] : []);

function logonType(ev: WinEvent): string | undefined {
  const t = field(ev, "LogonType");
  return t && `type ${t}${LOGON_TYPES[t] ? ` (${LOGON_TYPES[t]})` : ""}`;
}

function logon(ev: WinEvent, failed: boolean): Semantics {
  const actor = targetAccount(ev);
  const ip = field(ev, "IpAddress");
  const workstation = field(ev, "WorkstationName");
  const reason = failed ? logonFailure(field(ev, "Status"), field(ev, "SubStatus")) : undefined;
  return {
    message: join(
      failed ? "Failed logon" : "Logon",
      logonType(ev) && ` ${logonType(ev)}`,
      `: ${actor ?? "unknown account"}`,
      ip && ` from ${ip}`,
      workstation && ` (workstation ${workstation})`,
      reason && `: ${reason}`,
    ),
    outcome: failed ? "failure" : "success",
    actor,
    srcIp: ip,
    entities: [
      ...(workstation ? [{ kind: "host" as const, value: workstation, role: "src" }] : []),
      ...processRef(field(ev, "ProcessName"), "process"),
      ...sessionEntity(ev, field(ev, "TargetLogonId"), "session"),
    ],
  };
}

function logoff(ev: WinEvent): Semantics {
  const actor = targetAccount(ev);
  return {
    message: join("Logoff", logonType(ev) && ` ${logonType(ev)}`, `: ${actor ?? "unknown account"}`),
    actor,
    entities: sessionEntity(ev, field(ev, "TargetLogonId"), "session"),
  };
}

function explicitLogon(ev: WinEvent): Semantics {
  const target = targetAccount(ev);
  const server = field(ev, "TargetServerName");
  const process = field(ev, "ProcessName");
  return {
    message: join(
      `Explicit credentials used for ${target ?? "unknown account"}`,
      server && ` on ${server}`,
      ` by ${subject(ev) ?? "unknown account"}`,
      process && ` via ${process}`,
    ),
    actor: subject(ev),
    target,
    srcIp: field(ev, "IpAddress"),
    entities: [...(target ? [{ kind: "account" as const, value: target, role: "target" }] : []), ...processRef(process, "process")],
  };
}

/** 4656 (handle requested) and 4663 (access attempted): what was touched, by whom, through which process, how. */
function objectAccess(ev: WinEvent, verb: string): Semantics {
  const object = field(ev, "ObjectName");
  const type = field(ev, "ObjectType");
  const process = field(ev, "ProcessName");
  const access = describeAccess(field(ev, "AccessList"));
  const mask = field(ev, "AccessMask");
  const objectRef: EntityRef[] =
    type === "Process" ? processRef(object, "target") : type === "Key" || type === "SAM" ? [] : fileRef(object, "target");
  return {
    message: join(
      `${verb}: ${object ?? "unknown object"}`,
      type && ` (${type})`,
      ` by ${subject(ev) ?? "unknown account"}`,
      process && ` via ${process}`,
      (access || mask) && `: ${[access, mask && `mask ${mask}`].filter(Boolean).join(", ")}`,
    ),
    actor: subject(ev),
    target: object,
    entities: [...objectRef, ...processRef(process, "process"), ...sessionEntity(ev, field(ev, "SubjectLogonId"), "session")],
  };
}

function processCreate(ev: WinEvent): Semantics {
  const image = field(ev, "NewProcessName");
  const parent = field(ev, "ParentProcessName");
  // The new process runs as the target account when one is named (4688 v2), else as the subject.
  const actor = targetAccount(ev) ?? subject(ev);
  return {
    message: join(
      `Process created: ${field(ev, "CommandLine") ?? image ?? "unknown image"}`,
      parent && ` (parent ${parent})`,
      actor && ` by ${actor}`,
    ),
    actor,
    target: image,
    entities: [
      ...processRef(image, "process"),
      ...processRef(parent, "parent"),
      ...sessionEntity(ev, field(ev, "SubjectLogonId"), "session"),
    ],
  };
}

/** 5140 (share opened) and 5145 (object in a share checked): target is \\server\share\path. */
function shareAccess(ev: WinEvent, detailed: boolean): Semantics {
  const share = field(ev, "ShareName");
  const relative = detailed ? field(ev, "RelativeTargetName") : undefined;
  const target = share && relative ? `${share.replace(/\\+$/, "")}\\${relative}` : share;
  const local = field(ev, "ShareLocalPath")?.replace(/^\\\?\?\\/, "");
  const localPath = local && relative ? `${local.replace(/\\+$/, "")}\\${relative}` : undefined;
  const ip = field(ev, "IpAddress");
  const access = describeAccess(field(ev, "AccessList"));
  return {
    message: join(
      detailed ? "Share object accessed: " : "Share accessed: ",
      target ?? "unknown share",
      ` by ${subject(ev) ?? "unknown account"}`,
      ip && ` from ${ip}`,
      access && `: ${access}`,
    ),
    actor: subject(ev),
    srcIp: ip,
    target,
    entities: [...fileRef(target, "target"), ...fileRef(localPath, "target"), ...sessionEntity(ev, field(ev, "SubjectLogonId"), "session")],
  };
}

/** 1102: the account is in UserData/LogFileCleared; exports that dropped it still have it in the message. */
function logCleared(ev: WinEvent): Semantics {
  const actor =
    subject(ev) ??
    account(
      messageField(ev.message, "Account Name"),
      messageField(ev.message, "Domain Name") ?? messageField(ev.message, "Account Domain"),
    );
  const logonId = field(ev, "SubjectLogonId") ?? messageField(ev.message, "Logon ID");
  return {
    message: `Audit log cleared${ev.channel ? ` (${ev.channel})` : ""} by ${actor ?? "unknown account"}`,
    outcome: "success",
    actor,
    target: ev.channel,
    entities: sessionEntity(ev, logonId, "session"),
  };
}

const PROTOCOLS: Record<string, string> = { "1": "icmp", "6": "tcp", "17": "udp", "58": "icmpv6" };

/** 5156: the Windows Filtering Platform let a connection through. */
function connectionAllowed(ev: WinEvent): Semantics {
  const app = field(ev, "Application");
  const src = field(ev, "SourceAddress");
  const dst = field(ev, "DestAddress");
  const proto = field(ev, "Protocol");
  const direction = { "%%14592": "inbound", "%%14593": "outbound" }[field(ev, "Direction") ?? ""];
  return {
    message: join(
      "Connection allowed",
      direction && ` (${direction})`,
      `: ${src ?? "?"}:${field(ev, "SourcePort") ?? "?"} → ${dst ?? "?"}:${field(ev, "DestPort") ?? "?"}`,
      proto && ` ${PROTOCOLS[proto] ?? `protocol ${proto}`}`,
      app && ` by ${app}`,
    ),
    outcome: "success",
    srcIp: src,
    dstIp: dst,
    entities: processRef(app, "process"),
  };
}

/** Security-log events with their own summary; others get the generic one. */
export const SECURITY_HANDLERS: Record<number, Handler> = {
  1102: logCleared,
  4624: (ev) => logon(ev, false),
  4625: (ev) => logon(ev, true),
  4634: logoff,
  4647: logoff,
  4648: explicitLogon,
  4656: (ev) => objectAccess(ev, "Handle requested"),
  4663: (ev) => objectAccess(ev, "Object access"),
  4688: processCreate,
  5140: (ev) => shareAccess(ev, false),
  5145: (ev) => shareAccess(ev, true),
  5156: connectionAllowed,
};
