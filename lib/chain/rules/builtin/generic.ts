import { and, col, not, or, raw } from "../predicate";
import type { RuleSpec } from "../rule-spec";
import { M365_FORMATS, SIGNIN_FORMATS, WINDOWS_FORMATS } from "./formats";

const action = (value: string) => ({ op: "eq", field: col("action"), value }) as const;
const INBOX_RULE = or(action("New-InboxRule"), action("Set-InboxRule"), action("UpdateInboxRules"));
const SIGN_IN = or(action("Sign-in"), action("Non-interactive sign-in"), action("logon"), action("UserLoggedIn"));
/** A refused sign-in is an attempt, not access: only these count as a way in. */
const SUCCESSFUL = not({ op: "startswith", field: col("outcome"), value: "fail" });
const FILE_READ = or(action("FileAccessed"), action("FilePreviewed"), action("FileDownloaded"), action("FileSyncDownloadedFull"));
const FAILED_SIGN_IN = and(
  or(action("Sign-in"), action("logon-failed"), action("UserLoginFailed")),
  or({ op: "startswith", field: col("outcome"), value: "failure" }, action("logon-failed"), action("UserLoginFailed")),
);

/** Rules for any incident: the tradecraft responders look for first, mapped to ATT&CK. */
export const GENERIC_RULES: RuleSpec[] = [
  {
    kind: "threshold",
    key: "generic.password-spray",
    name: "Password spray",
    description: "Failed sign-ins for 10 or more distinct accounts from one IP within an hour (fixed hourly bins).",
    stageKey: "credential-access",
    tactic: "TA0006",
    technique: "T1110.003",
    severity: "high",
    formats: [...SIGNIN_FORMATS, ...WINDOWS_FORMATS, ...M365_FORMATS, "syslog"],
    where: FAILED_SIGN_IN,
    groupBy: col("src_ip"),
    distinct: { kind: "account", of: col("actor") },
    windowMinutes: 60,
    min: 10,
  },
  {
    kind: "threshold",
    key: "generic.brute-force",
    name: "Password guessing from one address",
    description: "10 or more failed sign-ins from one IP within an hour (fixed hourly bins), whatever the accounts.",
    stageKey: "credential-access",
    tactic: "TA0006",
    technique: "T1110.001",
    severity: "medium",
    formats: [...SIGNIN_FORMATS, ...WINDOWS_FORMATS, ...M365_FORMATS, "syslog"],
    where: FAILED_SIGN_IN,
    groupBy: col("src_ip"),
    windowMinutes: 60,
    min: 10,
  },
  {
    kind: "pivot",
    key: "generic.success-after-guessing",
    name: "Successful sign-in from an address that was guessing passwords",
    description:
      "A sign-in that succeeded from an IP after it failed many times (password guessing or spray), within a day: the guess worked.",
    stageKey: "initial-access",
    tactic: "TA0001",
    technique: "T1078",
    severity: "high",
    formats: [...SIGNIN_FORMATS, ...WINDOWS_FORMATS, ...M365_FORMATS, "syslog"],
    anchor: { rules: ["generic.brute-force", "generic.password-spray"] },
    on: [col("src_ip")],
    afterAnchor: true,
    withinDays: 1,
    where: and(SIGN_IN, SUCCESSFUL),
  },
  {
    kind: "match",
    key: "generic.inbox-rule-created",
    name: "Inbox rule created or changed",
    description: "A mailbox rule was created or changed: intruders use them to hide replies and forward mail.",
    stageKey: "persistence",
    tactic: "TA0003",
    technique: "T1137.005",
    severity: "medium",
    formats: M365_FORMATS,
    where: INBOX_RULE,
  },
  {
    kind: "pivot",
    key: "generic.sign-in-before-inbox-rule",
    name: "Sign-in from the IP that created an inbox rule",
    description:
      "Successful sign-ins of the same account from the IP that created or changed an inbox rule, within 7 days (a refused sign-in is not access).",
    stageKey: "initial-access",
    tactic: "TA0001",
    technique: "T1078.004",
    severity: "medium",
    formats: SIGNIN_FORMATS,
    anchor: { rules: ["generic.inbox-rule-created"] },
    on: [col("src_ip"), { kind: "account", of: col("actor") }],
    withinDays: 7,
    where: and(SIGN_IN, SUCCESSFUL),
  },
  {
    kind: "pivot",
    key: "generic.mail-access-from-inbox-rule-ip",
    name: "Mailbox access from the IP that created an inbox rule",
    description: "MailItemsAccessed on the same account from the IP that created or changed an inbox rule, within 7 days.",
    stageKey: "collection",
    tactic: "TA0009",
    technique: "T1114.002",
    severity: "high",
    formats: M365_FORMATS,
    anchor: { rules: ["generic.inbox-rule-created"] },
    on: [col("src_ip"), { kind: "account", of: col("actor") }],
    withinDays: 7,
    where: action("MailItemsAccessed"),
  },
  {
    kind: "pivot",
    key: "generic.file-read-from-inbox-rule-ip",
    name: "Files read from the IP that created an inbox rule",
    description:
      "Files opened, previewed or downloaded (SharePoint, OneDrive) by the same account from the IP that created or changed an inbox rule, within 7 days.",
    stageKey: "collection",
    tactic: "TA0009",
    technique: "T1530",
    severity: "high",
    formats: M365_FORMATS,
    anchor: { rules: ["generic.inbox-rule-created"] },
    on: [col("src_ip"), { kind: "account", of: col("actor") }],
    withinDays: 7,
    where: FILE_READ,
  },
  {
    kind: "match",
    key: "generic.lsass-dump",
    name: "LSASS memory dump",
    description:
      "A process opened lsass.exe with full access or through a dumping library, comsvcs.dll MiniDump ran, or a dump file named after lsass was written: credential theft from memory.",
    stageKey: "credential-access",
    tactic: "TA0006",
    technique: "T1003.001",
    severity: "critical",
    formats: [...WINDOWS_FORMATS, "hayabusa-csv", "hayabusa-json"],
    where: or(
      and(
        action("process-access"),
        { op: "endswith", field: raw("TargetImage"), value: "\\lsass.exe" },
        // Every mask here includes PROCESS_VM_READ (0x10), which dumping needs. Full access is a
        // dump on its own; read-only access (0x1010, 0x1410) counts when a dumping library made
        // the call, since WMI and a payload's process listing open LSASS that way too.
        or(
          { op: "re", field: raw("GrantedAccess"), pattern: "^0x(1fffff|1f3fff|143a|1438)$", caseInsensitive: true },
          and(
            { op: "re", field: raw("GrantedAccess"), pattern: "^0x(1410|1010)$", caseInsensitive: true },
            { op: "re", field: raw("CallTrace"), pattern: "(dbghelp|dbgcore|comsvcs)\\.dll", caseInsensitive: true },
          ),
        ),
      ),
      and(
        action("process-create"),
        or(
          and(
            { op: "contains", field: raw("CommandLine"), value: "comsvcs" },
            { op: "contains", field: raw("CommandLine"), value: "minidump" },
          ),
          and(
            { op: "contains", field: raw("CommandLine"), value: "procdump" },
            { op: "contains", field: raw("CommandLine"), value: "lsass" },
          ),
        ),
      ),
      and(action("file-create"), { op: "re", field: col("target"), pattern: "lsass[^\\\\]*\\.dmp$", caseInsensitive: true }),
    ),
  },
  {
    kind: "match",
    key: "generic.log-cleared",
    name: "Event log cleared",
    description: "The Security or System log was cleared (1102 / 104): evidence was destroyed, and the gap it leaves is an evidence gap.",
    stageKey: "defense-evasion",
    tactic: "TA0005",
    technique: "T1070.001",
    severity: "high",
    formats: [...WINDOWS_FORMATS, "hayabusa-csv", "hayabusa-json"],
    where: action("audit-log-cleared"),
  },
  {
    kind: "threshold",
    key: "generic.mass-download",
    name: "Mass file download",
    description: "50 or more files downloaded or synced by one account within an hour (fixed hourly bins).",
    stageKey: "collection",
    tactic: "TA0009",
    technique: "T1530",
    severity: "medium",
    formats: M365_FORMATS,
    where: or(action("FileDownloaded"), action("FileSyncDownloadedFull")),
    groupBy: { kind: "account", of: col("actor") },
    windowMinutes: 60,
    min: 50,
  },
  {
    kind: "match",
    key: "generic.anonymous-link",
    name: "Anonymous sharing link created",
    description: "A file or folder was shared with an anyone-with-the-link URL: a common way to take data out.",
    stageKey: "exfiltration",
    tactic: "TA0010",
    technique: "T1567",
    severity: "medium",
    formats: M365_FORMATS,
    where: action("AnonymousLinkCreated"),
  },
];
