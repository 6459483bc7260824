import type { EntityRef } from "../canonical";
import { account, field, type Semantics, sessionEntity, type WinEvent } from "./windows-event";

type Handler = (ev: WinEvent) => Semantics;

const join = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join("");
const ref = (kind: EntityRef["kind"], value: string | undefined, role: string): EntityRef[] => (value ? [{ kind, value, role }] : []);
const user = (ev: WinEvent, name = "User") => account(field(ev, name));

/** Short action names of the Sysmon events, by event id. */
export const SYSMON_ACTIONS: Record<number, string> = {
  1: "process-create",
  2: "file-time-changed",
  3: "network-connect",
  5: "process-terminate",
  6: "driver-load",
  7: "image-load",
  8: "create-remote-thread",
  9: "raw-disk-read",
  10: "process-access",
  11: "file-create",
  12: "registry-key",
  13: "registry-value-set",
  14: "registry-rename",
  15: "file-stream-create",
  17: "pipe-create",
  18: "pipe-connect",
  22: "dns-query",
  23: "file-delete",
  25: "process-tampering",
  26: "file-delete-logged",
};

function processCreate(ev: WinEvent): Semantics {
  const image = field(ev, "Image");
  const parent = field(ev, "ParentImage");
  const actor = user(ev);
  return {
    message: join(
      `Process created: ${field(ev, "CommandLine") ?? image ?? "unknown image"}`,
      parent && ` (parent ${parent})`,
      actor && ` by ${actor}`,
    ),
    actor,
    target: image,
    entities: [
      ...ref("process", image, "process"),
      ...ref("process", parent, "parent"),
      ...sessionEntity(ev, field(ev, "LogonId"), "session"),
    ],
  };
}

function networkConnect(ev: WinEvent): Semantics {
  const image = field(ev, "Image");
  const src = field(ev, "SourceIp");
  const dst = field(ev, "DestinationIp");
  const dstName = field(ev, "DestinationHostname");
  const outbound = field(ev, "Initiated") !== "false";
  return {
    message: join(
      `Network connection ${outbound ? "from" : "to"} ${image ?? "unknown image"}: `,
      `${src ?? "?"}:${field(ev, "SourcePort") ?? "?"} → ${dst ?? "?"}:${field(ev, "DestinationPort") ?? "?"}`,
      dstName && ` (${dstName})`,
      field(ev, "Protocol") && ` ${field(ev, "Protocol")}`,
    ),
    actor: user(ev),
    srcIp: src,
    dstIp: dst,
    target: dstName ?? dst,
    entities: [...ref("process", image, "process"), ...ref("host", dstName, "dst")],
  };
}

/** Event 10: one process opened another; GrantedAccess on lsass.exe is how credential dumping shows. */
function processAccess(ev: WinEvent): Semantics {
  const source = field(ev, "SourceImage");
  const target = field(ev, "TargetImage");
  const access = field(ev, "GrantedAccess");
  return {
    message: join(
      `Process access: ${source ?? "unknown process"} → ${target ?? "unknown process"}`,
      access && ` (GrantedAccess ${access})`,
    ),
    actor: user(ev, "SourceUser"),
    target,
    entities: [...ref("process", source, "process"), ...ref("process", target, "target")],
  };
}

function fileCreate(ev: WinEvent): Semantics {
  const file = field(ev, "TargetFilename");
  const image = field(ev, "Image");
  return {
    message: join(`File created: ${file ?? "unknown file"}`, image && ` by ${image}`),
    actor: user(ev),
    target: file,
    entities: [...ref("file", file, "target"), ...ref("process", image, "process")],
  };
}

function fileDelete(ev: WinEvent): Semantics {
  const file = field(ev, "TargetFilename");
  const image = field(ev, "Image");
  return {
    message: join(`File deleted: ${file ?? "unknown file"}`, image && ` by ${image}`),
    actor: user(ev),
    target: file,
    entities: [...ref("file", file, "target"), ...ref("process", image, "process")],
  };
}

function dnsQuery(ev: WinEvent): Semantics {
  const name = field(ev, "QueryName");
  const image = field(ev, "Image");
  return {
    message: join(`DNS query: ${name ?? "?"}`, image && ` by ${image}`, field(ev, "QueryResults") && ` → ${field(ev, "QueryResults")}`),
    actor: user(ev),
    target: name,
    entities: [...ref("host", name, "target"), ...ref("process", image, "process")],
  };
}

/** Sysmon events with their own summary; others get the generic one. */
export const SYSMON_HANDLERS: Record<number, Handler> = {
  1: processCreate,
  3: networkConnect,
  10: processAccess,
  11: fileCreate,
  22: dnsQuery,
  23: fileDelete,
  26: fileDelete,
};
