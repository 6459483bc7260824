import { and, col, or, type Predicate, raw } from "../predicate";
import type { PivotRule, RuleSpec } from "../rule-spec";
import { WINDOWS_FORMATS } from "./formats";

const action = (value: string) => ({ op: "eq", field: col("action"), value }) as const;
const re = (field: ReturnType<typeof raw> | ReturnType<typeof col>, pattern: string): Predicate => ({
  op: "re",
  field,
  pattern,
  caseInsensitive: true,
});
/** Either of the fields Sysmon and the Security log use for the same thing. */
/**
 * What the pivots from a payload's controller share: Windows records of the day after the payload
 * first called it (before it ran, a connection there is its delivery, not the channel).
 */
const FROM_CONTROLLER_ANCHOR: Pick<
  PivotRule,
  "stageKey" | "tactic" | "technique" | "severity" | "formats" | "anchor" | "afterAnchor" | "withinDays"
> = {
  stageKey: "command-and-control",
  tactic: "TA0011",
  technique: "T1071",
  severity: "high",
  formats: WINDOWS_FORMATS,
  anchor: { rules: ["generic.payload-connection"] },
  afterAnchor: true,
  withinDays: 1,
};
const either = (sysmon: string, security: string, pattern: string) => or(re(raw(sysmon), pattern), re(raw(security), pattern));

// Folders any user can write to and that installers do not run from: where a dropped payload lands.
const USER_FOLDER = "\\\\(downloads|desktop|temp|users\\\\public)\\\\";
const SHELL = "\\\\(cmd|powershell|pwsh|wscript|cscript|mshta)\\.exe$";
// Parents that should never start a shell: Office, web servers, Java, database engines, and payloads in user folders.
const UNUSUAL_PARENT = `(${USER_FOLDER}|\\\\(winword|excel|powerpnt|outlook|onenote|msaccess|w3wp|httpd|nginx|tomcat[0-9]*|java|javaw|sqlservr)\\.exe$)`;
const DISCOVERY_TOOL = "\\\\(systeminfo|whoami|tasklist|ipconfig|net1?|nltest|quser|qwinsta|hostname|arp|route|netstat|query)\\.exe$";

/**
 * Windows tradecraft seen in real intrusions (the OTRF LSASS campaign among them): a payload run
 * from a user folder, shells with parents that should not have them, a burst of discovery tools,
 * services that run from a temp folder or a named pipe (Meterpreter's getsystem), threads started
 * in another process from unbacked memory, and connections made by a payload.
 */
export const WINDOWS_TRADECRAFT_RULES: RuleSpec[] = [
  {
    kind: "match",
    key: "generic.user-ran-download",
    name: "Program run from a user's Downloads or Temp folder",
    description: "Explorer started an executable from Downloads, Desktop, Temp or Public: a user ran something they fetched (T1204.002).",
    stageKey: "execution",
    tactic: "TA0002",
    technique: "T1204.002",
    severity: "high",
    formats: WINDOWS_FORMATS,
    where: and(
      action("process-create"),
      re(col("target"), `${USER_FOLDER}[^\\\\]+\\.(exe|scr|com|pif|bat|cmd|js|vbs|hta)$`),
      either("ParentImage", "ParentProcessName", "\\\\explorer\\.exe$"),
    ),
  },
  {
    kind: "match",
    key: "generic.shell-from-unusual-parent",
    name: "Shell started by Office, a web server, Java or a payload",
    description:
      "cmd, PowerShell or a script host whose parent is an Office app, a web or Java server, a database engine, or a program in a user folder (T1059).",
    stageKey: "execution",
    tactic: "TA0002",
    technique: "T1059.003",
    severity: "high",
    formats: WINDOWS_FORMATS,
    where: and(action("process-create"), re(col("target"), SHELL), either("ParentImage", "ParentProcessName", UNUSUAL_PARENT)),
  },
  {
    kind: "threshold",
    key: "generic.discovery-burst",
    name: "Burst of discovery commands",
    description:
      "Three or more different discovery tools (systeminfo, whoami, tasklist, net …) on one host within an hour (fixed hourly bins).",
    stageKey: "discovery",
    tactic: "TA0007",
    technique: "T1082",
    severity: "medium",
    formats: WINDOWS_FORMATS,
    where: and(action("process-create"), re(col("target"), DISCOVERY_TOOL)),
    groupBy: col("host"),
    distinct: col("target"),
    windowMinutes: 60,
    min: 3,
  },
  {
    kind: "match",
    key: "generic.service-from-temp-or-pipe",
    name: "Service that runs from a user folder, rundll32 or a named pipe",
    description:
      "A service was installed (7045, 4697) whose command runs from Temp, AppData or Downloads, through rundll32, or echoes into a named pipe: how Meterpreter's getsystem gains SYSTEM (T1543.003, T1134.001).",
    stageKey: "privilege-escalation",
    tactic: "TA0004",
    technique: "T1543.003",
    severity: "critical",
    formats: WINDOWS_FORMATS,
    where: and(
      action("service-installed"),
      either(
        "ImagePath",
        "ServiceFileName",
        "(\\\\(temp|appdata|downloads|users\\\\public)\\\\|\\\\pipe\\\\|cmd(\\.exe)?\\s+/c\\s+echo|rundll32)",
      ),
    ),
  },
  {
    kind: "match",
    key: "generic.injected-thread",
    name: "Thread started in another process from unbacked memory",
    description:
      "Sysmon 8: a remote thread whose start lies in no module, or started by a program in a user folder: code injection (T1055).",
    stageKey: "defense-evasion",
    tactic: "TA0005",
    technique: "T1055",
    severity: "high",
    formats: WINDOWS_FORMATS,
    where: and(
      action("create-remote-thread"),
      or({ op: "eq", field: raw("StartModule"), value: "-" }, re(raw("SourceImage"), USER_FOLDER)),
    ),
  },
  {
    kind: "match",
    key: "generic.payload-connection",
    name: "Network connection made by a program in a user folder",
    description: "Sysmon 3: a program run from Downloads, Desktop, Temp or Public connected out: a payload calling its controller (T1071).",
    stageKey: "command-and-control",
    tactic: "TA0011",
    technique: "T1071",
    severity: "high",
    formats: WINDOWS_FORMATS,
    where: and(action("network-connect"), re(raw("Image"), USER_FOLDER)),
  },
  {
    kind: "pivot",
    key: "generic.controller-in-network-logs",
    name: "Connections to a payload's controller in network logs",
    description: "Zeek or Suricata connections to an address a payload connected to, within 7 days: the network side of the same channel.",
    stageKey: "command-and-control",
    tactic: "TA0011",
    technique: "T1071",
    severity: "high",
    formats: ["zeek", "suricata"],
    anchor: { rules: ["generic.payload-connection"] },
    on: [col("dst_ip")],
    withinDays: 7,
    where: { op: "exists", field: col("dst_ip") },
  },
  {
    kind: "pivot",
    key: "generic.controller-reached-again",
    name: "Another connection to a payload's controller",
    description:
      "Sysmon 3 or a filtering-platform record of any process connecting to an address a payload connected to, within a day: the same channel, or a second session from the process the payload injected into (T1071).",
    ...FROM_CONTROLLER_ANCHOR,
    on: [col("dst_ip")],
    where: or(action("network-connect"), action("network-connection-allowed"), action("network-connection-blocked")),
  },
  {
    kind: "pivot",
    key: "generic.controller-traffic-to-host",
    name: "Traffic from a payload's controller",
    description:
      "Filtering-platform records of packets from an address a payload connected to, within a day: the controller still talking to the host, which shows its session alive at that moment (T1071).",
    ...FROM_CONTROLLER_ANCHOR,
    anchorOn: [col("dst_ip")],
    on: [col("src_ip")],
    where: or(action("packet-blocked"), action("network-connection-allowed"), action("network-connection-blocked")),
  },
];
