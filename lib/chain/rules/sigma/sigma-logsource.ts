import { and, col, type FieldRef, or, type Predicate } from "../predicate";
import { SigmaRuleError } from "./sigma-error";
import { sigmaFieldRefs } from "./sigma-fields";

/**
 * A Sigma logsource as a filter on our sources: which import formats carry that log, narrowed to
 * the channel, event ids or program it names. A logsource we cannot place is an error: running the
 * rule on every event would fire it on logs it was never written for.
 */

export type SigmaLogsource = { product?: string; service?: string; category?: string };

const FORMAT: FieldRef = { kind: "source-format" };
const formatStarts = (...prefixes: string[]): Predicate =>
  or(...prefixes.map((value) => ({ op: "startswith" as const, field: FORMAT, value, caseSensitive: true })));
const formatIs = (value: string): Predicate => ({ op: "eq", field: FORMAT, value, caseSensitive: true });

/** Any of the values at any of the places (each place tested case-insensitively). */
const anyOf = (refs: FieldRef[], values: string[]): Predicate =>
  or(...values.flatMap((value) => refs.map((field) => ({ op: "eq" as const, field, value }))));

// Every Windows parser puts the channel in `category`; the raw names cover a user's own mapping.
const CHANNEL_REFS: FieldRef[] = [col("category"), { kind: "raw", path: ["Channel"] }, { kind: "raw", path: ["winlog", "channel"] }];
const channel = (...names: string[]) => anyOf(CHANNEL_REFS, names);
const eventIds = (...ids: number[]) => anyOf(sigmaFieldRefs("EventID"), ids.map(String));

const WINDOWS_FORMATS = formatStarts("windows", "winlogbeat", "evtx");
const SYSMON = "Microsoft-Windows-Sysmon/Operational";
const POWERSHELL = "Microsoft-Windows-PowerShell/Operational";
const POWERSHELL_CLASSIC = "Windows PowerShell";

/** Sigma's Windows services and the channels they read. */
export const WINDOWS_SERVICES: Record<string, string[]> = {
  security: ["Security"],
  system: ["System"],
  application: ["Application"],
  sysmon: [SYSMON],
  powershell: [POWERSHELL],
  "powershell-classic": [POWERSHELL_CLASSIC],
  taskscheduler: ["Microsoft-Windows-TaskScheduler/Operational"],
  wmi: ["Microsoft-Windows-WMI-Activity/Operational"],
  "dns-server": ["DNS Server"],
  "dns-server-analytic": ["Microsoft-Windows-DNS-Server/Analytical"],
  "driver-framework": ["Microsoft-Windows-DriverFrameworks-UserMode/Operational"],
  ntlm: ["Microsoft-Windows-NTLM/Operational"],
  windefend: ["Microsoft-Windows-Windows Defender/Operational"],
  "firewall-as": ["Microsoft-Windows-Windows Firewall With Advanced Security/Firewall"],
  "bits-client": ["Microsoft-Windows-Bits-Client/Operational"],
  "codeintegrity-operational": ["Microsoft-Windows-CodeIntegrity/Operational"],
  "terminalservices-localsessionmanager": ["Microsoft-Windows-TerminalServices-LocalSessionManager/Operational"],
  "msexchange-management": ["MSExchange Management"],
  "printservice-admin": ["Microsoft-Windows-PrintService/Admin"],
  "printservice-operational": ["Microsoft-Windows-PrintService/Operational"],
  "smbclient-security": ["Microsoft-Windows-SmbClient/Security"],
  openssh: ["OpenSSH/Operational"],
  "lsa-server": ["Microsoft-Windows-LSA/Operational"],
  "appxdeployment-server": ["Microsoft-Windows-AppXDeploymentServer/Operational"],
  "security-mitigations": ["Microsoft-Windows-Security-Mitigations/Kernel Mode", "Microsoft-Windows-Security-Mitigations/User Mode"],
  applocker: [
    "Microsoft-Windows-AppLocker/MSI and Script",
    "Microsoft-Windows-AppLocker/EXE and DLL",
    "Microsoft-Windows-AppLocker/Packaged app-Deployment",
    "Microsoft-Windows-AppLocker/Packaged app-Execution",
  ],
};

const sysmon = (...ids: number[]) => and(channel(SYSMON), eventIds(...ids));

/** Sigma's Windows categories: the Sysmon event ids (and the Security or PowerShell events) that carry them. */
const WINDOWS_CATEGORIES: Record<string, Predicate> = {
  // Security 4688 is the same fact as Sysmon 1 (sigma-fields maps Image/ParentImage onto its names).
  process_creation: or(sysmon(1), and(channel("Security"), eventIds(4688))),
  file_change: sysmon(2),
  network_connection: sysmon(3),
  sysmon_status: sysmon(4, 16),
  process_termination: sysmon(5),
  driver_load: sysmon(6),
  image_load: sysmon(7),
  create_remote_thread: sysmon(8),
  raw_access_thread: sysmon(9),
  process_access: sysmon(10),
  file_event: sysmon(11),
  registry_add: sysmon(12),
  registry_delete: sysmon(12),
  registry_set: sysmon(13),
  registry_rename: sysmon(14),
  registry_event: sysmon(12, 13, 14),
  create_stream_hash: sysmon(15),
  pipe_created: sysmon(17, 18),
  wmi_event: sysmon(19, 20, 21),
  dns_query: sysmon(22),
  file_delete: sysmon(23),
  clipboard_change: sysmon(24),
  process_tampering: sysmon(25),
  file_delete_detected: sysmon(26),
  file_block_executable: sysmon(27),
  file_block_shredding: sysmon(28),
  file_executable_detected: sysmon(29),
  sysmon_error: sysmon(255),
  ps_module: and(channel(POWERSHELL), eventIds(4103)),
  ps_script: and(channel(POWERSHELL), eventIds(4104)),
  ps_classic_start: and(channel(POWERSHELL_CLASSIC), eventIds(400)),
  ps_classic_provider_start: and(channel(POWERSHELL_CLASSIC), eventIds(600)),
  ps_classic_script: and(channel(POWERSHELL_CLASSIC), eventIds(800)),
};

const WORKLOAD_REFS = sigmaFieldRefs("Workload");
const M365_SERVICES: Record<string, Predicate | null> = {
  audit: null,
  exchange: anyOf(WORKLOAD_REFS, ["Exchange"]),
  sharepoint: anyOf(WORKLOAD_REFS, ["SharePoint", "OneDrive"]),
};

const PROGRAM: FieldRef[] = [{ kind: "raw", path: ["program"] }];
const LINUX_SERVICES: Record<string, Predicate | null> = {
  auth: null,
  syslog: null,
  sshd: anyOf(PROGRAM, ["sshd"]),
  sudo: anyOf(PROGRAM, ["sudo"]),
  cron: anyOf(PROGRAM, ["cron", "crond"]),
};

const LINUX_SYSMON = "Linux-Sysmon/Operational";
const linuxSysmon = (...ids: number[]) => and(channel(LINUX_SYSMON), eventIds(...ids));
/** Sigma's Linux categories: the Sysmon for Linux events that carry them. */
const LINUX_CATEGORIES: Record<string, Predicate> = {
  process_creation: linuxSysmon(1),
  network_connection: linuxSysmon(3),
  process_termination: linuxSysmon(5),
  raw_access_thread: linuxSysmon(9),
  file_event: linuxSysmon(11),
  file_create: linuxSysmon(11),
  file_delete: linuxSysmon(23),
};

const lookup = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** Lower-cased and trimmed, so "Windows" and "windows " name the same product. */
export function normalizeLogsource(ls: SigmaLogsource): SigmaLogsource {
  const out: SigmaLogsource = {};
  for (const key of ["product", "service", "category"] as const) {
    const v = ls[key]?.trim().toLowerCase();
    if (v) out[key] = v;
  }
  return out;
}

/** The filter for a (normalized) logsource; throws SigmaRuleError naming it when it has none. */
export function logsourcePredicate(ls: SigmaLogsource): Predicate {
  const name = Object.entries(ls)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
  const unknown = (what = `logsource (${name || "empty"})`): never => {
    throw new SigmaRuleError(`unsupported ${what}: no imported format carries it`, ["logsource"]);
  };
  const narrow = (base: Predicate, ...extra: (Predicate | null)[]): Predicate => {
    const parts = extra.filter((p): p is Predicate => p !== null);
    return parts.length === 0 ? base : and(base, ...parts);
  };
  const { product, service, category } = ls;
  switch (product) {
    case "windows": {
      const channels = service === undefined ? null : lookup(WINDOWS_SERVICES, service);
      const cat = category === undefined ? null : lookup(WINDOWS_CATEGORIES, category);
      if (channels === undefined) return unknown(`logsource windows service "${service}"`);
      if (cat === undefined) return unknown(`logsource windows category "${category}"`);
      return narrow(WINDOWS_FORMATS, channels && channel(...channels), cat);
    }
    case "m365": {
      if (category !== undefined) return unknown(`logsource m365 category "${category}"`);
      const workload = service === undefined ? null : lookup(M365_SERVICES, service);
      if (workload === undefined) return unknown(`logsource m365 service "${service}"`);
      return narrow(formatStarts("m365-"), workload);
    }
    case "azure": {
      if (category !== undefined) return unknown(`logsource azure category "${category}"`);
      if (service === "signinlogs") return formatStarts("entra-signin-");
      if (service === "auditlogs") return formatStarts("entra-audit-");
      return unknown(`logsource azure service "${service ?? "(none)"}"`);
    }
    case "aws": {
      if (category !== undefined) return unknown(`logsource aws category "${category}"`);
      if (service === undefined || service === "cloudtrail") return formatIs("cloudtrail");
      return unknown(`logsource aws service "${service}"`);
    }
    case "zeek": {
      // Zeek logs keep their own names (service = the log: dns, http, smb_files …), in `_path`.
      if (category !== undefined) return unknown(`logsource zeek category "${category}"`);
      if (service === undefined) return formatIs("zeek");
      return and(formatIs("zeek"), anyOf([{ kind: "raw", path: ["_path"] }], [service]));
    }
    case "linux": {
      // Process, file and network categories come from Sysmon for Linux, and auditd from AUOMS, both
      // inside SyslogMessage (syslog-la): their values are parsed into the event's fields at import.
      if (category !== undefined) {
        const cat = lookup(LINUX_CATEGORIES, category);
        if (cat === undefined) return unknown(`logsource linux category "${category}"`);
        return narrow(formatIs("syslog-la"), cat);
      }
      if (service === "auditd") return narrow(formatIs("syslog-la"), anyOf([col("category")], ["auoms"]));
      const program = service === undefined ? null : lookup(LINUX_SERVICES, service);
      if (program === undefined) return unknown(`logsource linux service "${service}"`);
      return narrow(formatIs("syslog"), program);
    }
    default:
      return unknown();
  }
}
