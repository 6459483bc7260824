// Security event 5145 ("a network share object was checked…") on the debugging file server, as
// Winlogbeat 7 ships it: ECS envelope, the rendered message, and the raw insertion strings under
// winlog.event_data (AccessList as Windows writes it: "%%1538\n\t\t\t\t%%1541…").

import { DEBUG_FS, PROVIDER } from "./cast";
import { iso } from "./time";

/** Access-mask bits of a file object: [bit, message-table code, rendered name]. */
const ACCESS_BITS: readonly (readonly [number, string, string])[] = [
  [0x1, "%%4416", "ReadData (or ListDirectory)"],
  [0x2, "%%4417", "WriteData (or AddFile)"],
  [0x4, "%%4418", "AppendData (or AddSubdirectory or CreatePipeInstance)"],
  [0x8, "%%4419", "ReadEA"],
  [0x10, "%%4420", "WriteEA"],
  [0x80, "%%4423", "ReadAttributes"],
  [0x100, "%%4424", "WriteAttributes"],
  [0x10000, "%%1537", "DELETE"],
  [0x20000, "%%1538", "READ_CONTROL"],
  [0x100000, "%%1541", "SYNCHRONIZE"],
];
export const MASK = { list: 0x100081, read: 0x120089, write: 0x130197, mkdir: 0x100004 } as const;

/** The codes and names a mask grants, in the order Windows lists them (by code). */
function accesses(mask: number): [string, string][] {
  return ACCESS_BITS.filter(([bit]) => (mask & bit) !== 0)
    .map(([, code, name]): [string, string] => [code, name])
    .sort((a, b) => Number(a[0].slice(2)) - Number(b[0].slice(2)));
}

export type Access = { user: string; sid: string; ip: string; port: number; logonId: string; target: string; mask: number };

export function render(a: Access, t: number, recordId: number, threadId: number): string {
  const list = accesses(a.mask);
  const hexMask = `0x${a.mask.toString(16)}`;
  const message = [
    "A network share object was checked to see whether client can be granted desired access.",
    "",
    "Subject:",
    `\tSecurity ID:\t\t${a.sid}`,
    `\tAccount Name:\t\t${a.user}`,
    `\tAccount Domain:\t\t${PROVIDER.netbios}`,
    `\tLogon ID:\t\t${a.logonId.toUpperCase().replace("0X", "0x")}`,
    "",
    "Network Information:\t",
    "\tObject Type:\t\tFile",
    `\tSource Address:\t\t${a.ip}`,
    `\tSource Port:\t\t${a.port}`,
    "\t",
    "Share Information:",
    `\tShare Name:\t\t${DEBUG_FS.share}`,
    `\tShare Path:\t\t${DEBUG_FS.localPath}`,
    `\tRelative Target Name:\t${a.target}`,
    "",
    "Access Request Information:",
    `\tAccess Mask:\t\t${hexMask}`,
    `\tAccesses:\t\t${list.map(([, n]) => n).join("\n\t\t\t\t")}`,
    "\t\t\t\t",
    "Access Check Results:",
    "\t-",
  ].join("\n");
  const doc = {
    "@timestamp": iso(t, 3),
    agent: { hostname: "DBGFS01", name: "DBGFS01", type: "winlogbeat", version: "7.12.1" },
    ecs: { version: "1.8.0" },
    event: {
      action: "Detailed File Share",
      code: "5145",
      created: iso(t + 1_500_000 + (recordId % 997) * 1000, 3),
      kind: "event",
      module: "security",
      outcome: "success",
      provider: "Microsoft-Windows-Security-Auditing",
    },
    host: { name: DEBUG_FS.host },
    log: { level: "information" },
    message,
    winlog: {
      api: "wineventlog",
      channel: "Security",
      computer_name: DEBUG_FS.host,
      event_data: {
        SubjectUserSid: a.sid,
        SubjectUserName: a.user,
        SubjectDomainName: PROVIDER.netbios,
        SubjectLogonId: a.logonId,
        ObjectType: "File",
        IpAddress: a.ip,
        IpPort: String(a.port),
        ShareName: DEBUG_FS.share,
        ShareLocalPath: DEBUG_FS.localPath,
        RelativeTargetName: a.target,
        AccessMask: hexMask,
        AccessList: list.map(([code]) => `${code}\n\t\t\t\t`).join(""),
        AccessReason: "-",
      },
      event_id: 5145,
      keywords: ["Audit Success"],
      opcode: "Info",
      process: { pid: 4, thread: { id: threadId } },
      provider_guid: "{54849625-5478-4994-a5ba-3e3b0328c30d}",
      provider_name: "Microsoft-Windows-Security-Auditing",
      record_id: recordId,
      task: "Detailed File Share",
    },
  };
  return `${JSON.stringify(doc)}\n`;
}
