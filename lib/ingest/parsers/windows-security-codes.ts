// The codes Security events carry instead of words, turned back into the words Event Viewer shows.

/** LogonType of 4624/4625/4634. */
export const LOGON_TYPES: Record<string, string> = {
  "0": "System",
  "2": "Interactive",
  "3": "Network",
  "4": "Batch",
  "5": "Service",
  "7": "Unlock",
  "8": "NetworkCleartext",
  "9": "NewCredentials",
  "10": "RemoteInteractive",
  "11": "CachedInteractive",
  "12": "CachedRemoteInteractive",
  "13": "CachedUnlock",
};

/** Status / SubStatus of a failed logon (4625, 4771, 4776), the common ones. */
const LOGON_FAILURES: Record<string, string> = {
  "0xc0000064": "no such user",
  "0xc000006a": "wrong password",
  "0xc000006d": "bad user name or password",
  "0xc000006e": "account restriction",
  "0xc000006f": "outside allowed hours",
  "0xc0000070": "workstation not allowed",
  "0xc0000071": "password expired",
  "0xc0000072": "account disabled",
  "0xc000009a": "insufficient resources",
  "0xc0000133": "clocks out of sync",
  "0xc000015b": "logon type not granted",
  "0xc0000193": "account expired",
  "0xc0000224": "password must change",
  "0xc0000234": "account locked out",
  "0xc0000413": "authentication firewall",
};

/** The most specific failure reason: SubStatus when it says more than Status. */
export function logonFailure(status: string | undefined, subStatus: string | undefined): string | undefined {
  for (const code of [subStatus, status]) {
    const c = code?.trim().toLowerCase();
    if (c && c !== "0x0") return LOGON_FAILURES[c] ? `${LOGON_FAILURES[c]} (${code?.trim()})` : code?.trim();
  }
  return undefined;
}

// %%nnnn access codes of 4656/4663/5145: the standard rights, file, registry key and process rights.
const ACCESS_CODES: Record<string, string> = {
  "1537": "DELETE",
  "1538": "READ_CONTROL",
  "1539": "WRITE_DAC",
  "1540": "WRITE_OWNER",
  "1541": "SYNCHRONIZE",
  "1542": "ACCESS_SYS_SEC",
  "4416": "ReadData",
  "4417": "WriteData",
  "4418": "AppendData",
  "4419": "ReadEA",
  "4420": "WriteEA",
  "4421": "Execute",
  "4422": "DeleteChild",
  "4423": "ReadAttributes",
  "4424": "WriteAttributes",
  "4432": "Query key value",
  "4433": "Set key value",
  "4434": "Create sub-key",
  "4435": "Enumerate sub-keys",
  "4436": "Notify about changes to keys",
  "4437": "Create link",
  "4480": "Force process termination",
  "4481": "Create new thread in process",
  "4482": "Set process session ID",
  "4483": "Perform virtual memory operation",
  "4484": "Read from process memory",
  "4485": "Write to process memory",
  "4486": "Duplicate handle into or out of process",
  "4487": "Create a subprocess of process",
  "4488": "Set process quotas",
  "4489": "Set process information",
  "4490": "Query process information",
  "4491": "Set process termination port",
  "4492": "Undefined Access (no effect) Bit 12",
  "4493": "Undefined Access (no effect) Bit 13",
  "4494": "Undefined Access (no effect) Bit 14",
  "4495": "Undefined Access (no effect) Bit 15",
};

/** "%%4416 %%4423" → "ReadData, ReadAttributes"; unknown codes stay as written. */
export function describeAccess(accessList: string | undefined): string | undefined {
  const codes = accessList?.split(/\s+/).filter((c) => c !== "") ?? [];
  if (codes.length === 0) return undefined;
  return codes.map((c) => ACCESS_CODES[c.replace(/^%%/, "")] ?? c).join(", ");
}

/** Short action names, by event id, for the Security, System and PowerShell events an analyst filters on. */
export const SECURITY_ACTIONS: Record<number, string> = {
  1102: "audit-log-cleared",
  4624: "logon",
  4625: "logon-failed",
  4634: "logoff",
  4647: "logoff",
  4648: "explicit-credential-logon",
  4656: "object-handle-requested",
  4658: "object-handle-closed",
  4663: "object-access",
  4672: "special-privileges-logon",
  4688: "process-create",
  4689: "process-exit",
  4690: "object-handle-duplicated",
  4697: "service-installed",
  4698: "scheduled-task-created",
  4720: "account-created",
  4722: "account-enabled",
  4724: "password-reset",
  4726: "account-deleted",
  4728: "group-member-added",
  4732: "group-member-added",
  4740: "account-locked-out",
  4756: "group-member-added",
  4768: "kerberos-tgt-requested",
  4769: "kerberos-service-ticket-requested",
  4771: "kerberos-preauth-failed",
  4776: "ntlm-credential-validation",
  5140: "share-access",
  5145: "share-object-access",
  5152: "packet-blocked",
  5156: "network-connection-allowed",
  5157: "network-connection-blocked",
  5158: "network-bind-allowed",
};
