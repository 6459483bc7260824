import { and, col, not, or, raw } from "../predicate";
import type { RuleSpec } from "../rule-spec";
import { M365_FORMATS, SIGNIN_FORMATS, WINDOWS_FORMATS } from "./formats";

// The processes that hold signing-key material on the signing hosts. A crash of one of them writes
// a dump that may carry the key, which is how the public record says the 2016 MSA key may have left.
const KEY_HANDLING = "msasign";

const shareTarget = raw("winlog.event_data.RelativeTargetName");
const shareAccess = raw("winlog.event_data.AccessList");
const share5145 = { op: "eq", field: raw("winlog.event_id"), value: "5145" } as const;
const WRITE_ACCESS = or(
  { op: "contains", field: shareAccess, value: "%%4417" }, // WriteData / AddFile
  { op: "contains", field: shareAccess, value: "%%4418" }, // AppendData / AddSubdirectory
);

/** The Storm-0558 chain, first exposure to remediation, as rules over the logs that record it. */
export const STORM_0558_RULES: RuleSpec[] = [
  {
    kind: "match",
    key: "storm.key-exposure.signing-process-crash",
    name: "Crash of a key-handling process (dump written)",
    description:
      "Application Error 1000 or a WER APPCRASH report for a process that holds signing keys: the crash dump it writes may contain key material. Circumstantial: nothing in the log says the key was in the dump.",
    stageKey: "key-exposure",
    technique: "T1005",
    severity: "medium",
    evidence: "circumstantial",
    formats: WINDOWS_FORMATS,
    where: and(
      or({ op: "eq", field: col("action"), value: "application-crash" }, { op: "eq", field: col("action"), value: "error-report" }),
      { op: "contains", field: col("target"), value: KEY_HANDLING },
    ),
  },
  {
    kind: "match",
    key: "storm.transfer-out.dump-written-to-debug-share",
    name: "Key-handling process dump copied into the debugging environment",
    description:
      "File-share audit (5145) of a write into a dump folder of a key-handling process: the dump crossed out of the isolated signing network.",
    stageKey: "transfer-out",
    technique: "T1074.002",
    severity: "high",
    formats: ["winlogbeat-json"],
    where: and(share5145, { op: "contains", field: shareTarget, value: KEY_HANDLING }, WRITE_ACCESS),
  },
  {
    kind: "match",
    key: "storm.detection-failure.clean-scan-of-key-dump",
    name: "Credential scan of a key-handling dump found nothing",
    description:
      "The credential scanner completed over a dump of a key-handling process and reported no findings: the key, if present, was missed.",
    stageKey: "detection-failure",
    severity: "high",
    formats: ["jsonl", "json-array"],
    where: and(
      { op: "contains", field: raw("path"), value: KEY_HANDLING },
      { op: "eq", field: raw("findings"), value: "0" },
      { op: "eq", field: raw("status"), value: "completed" },
    ),
  },
  {
    kind: "multi-origin",
    key: "storm.account-compromise.token-replay",
    name: "Sign-in token replayed from another IP",
    description:
      "The same uniqueTokenIdentifier is used from more than one IP address: a token issued to the user on one network was replayed from another (the capture sign-in and every replay).",
    stageKey: "account-compromise",
    tactic: "TA0001",
    technique: "T1550.001",
    severity: "high",
    formats: SIGNIN_FORMATS,
    where: { op: "exists", field: raw("uniqueTokenIdentifier") },
    token: raw("uniqueTokenIdentifier"),
    origin: col("src_ip"),
    minOrigins: 2,
  },
  {
    kind: "pivot",
    key: "storm.account-compromise.activity-from-replay-ip",
    name: "Activity of the account from a token-replay IP",
    description: "Events of the same account from an IP that replayed a stolen token non-interactively: the intruder using the account.",
    stageKey: "account-compromise",
    tactic: "TA0001",
    technique: "T1078.004",
    severity: "high",
    anchor: { rules: ["storm.account-compromise.token-replay"], where: { op: "eq", field: raw("isInteractive"), value: "false" } },
    on: [col("src_ip"), { kind: "account", of: col("actor") }],
    // What the account did in the services its token opened (SharePoint, Exchange audit).
    formats: M365_FORMATS,
    where: and({ op: "exists", field: col("src_ip") }, { op: "exists", field: col("actor") }),
  },
  {
    kind: "pivot",
    key: "storm.key-acquisition.dump-read-by-compromised-account",
    name: "Key-handling dump read by a compromised account",
    description:
      "A compromised account opened a dump of a key-handling process after its compromise began. Circumstantial: reading the dump is not taking the key, and no log shows the key leaving.",
    stageKey: "key-acquisition",
    technique: "T1552.004",
    severity: "critical",
    evidence: "circumstantial",
    anchor: { rules: ["storm.account-compromise.token-replay", "storm.account-compromise.activity-from-replay-ip"] },
    on: [{ kind: "account", of: col("actor") }],
    afterAnchor: true,
    where: and(share5145, { op: "contains", field: shareTarget, value: KEY_HANDLING }, not(WRITE_ACCESS)),
  },
  {
    kind: "match",
    key: "storm.token-forgery.consumer-key-enterprise-tenant",
    name: "Token signed by a consumer key accepted for an enterprise tenant",
    description:
      "Token validation accepted a token whose signing key is not scoped to the token's issuer (a consumer MSA key for an enterprise tenant): a forged token.",
    stageKey: "token-forgery",
    tactic: "TA0006",
    technique: "T1606.002",
    severity: "critical",
    formats: ["token-validation"],
    where: and({ op: "eq", field: raw("decision"), value: "accepted" }, { op: "eq", field: raw("issuer_scope_match"), value: "false" }),
  },
  {
    kind: "baseline",
    key: "storm.mailbox-access.appid-outside-baseline",
    name: "MailItemsAccessed by an AppId outside the mailboxes' baseline",
    description:
      "The AppId is used on fewer than 20% of the mailboxes in the log: not one of the Outlook clients everyone uses. This is the check that caught the intrusion (CISA AA23-193A). Population mode, because the retained log starts with the intrusion itself.",
    stageKey: "mailbox-access",
    tactic: "TA0009",
    technique: "T1114.002",
    severity: "critical",
    formats: M365_FORMATS,
    where: { op: "eq", field: col("action"), value: "MailItemsAccessed" },
    entity: { kind: "account", of: { kind: "coalesce", of: [raw("MailboxOwnerUPN"), raw("AuditData_parsed.MailboxOwnerUPN")] } },
    value: { kind: "coalesce", of: [raw("AppId"), raw("AuditData_parsed.AppId")] },
    mode: { kind: "population", maxShare: 0.2, minEntities: 10 },
  },
  {
    kind: "match",
    key: "storm.detection.mailbox-alert",
    name: "Customer alert or case about mailbox access",
    description:
      "An alert fired or a case note about MailItemsAccessed, an escalation to the provider, a confirmed finding about accessed mailboxes, or a customer notification.",
    stageKey: "detection",
    severity: "info",
    formats: ["jsonl", "json-array"],
    where: or(
      and(
        or({ op: "eq", field: raw("action"), value: "alert.fired" }, { op: "eq", field: raw("action"), value: "case.note" }),
        or(
          { op: "contains", field: raw("detail"), value: "MailItemsAccessed" },
          { op: "contains", field: raw("target"), value: "MailItemsAccessed" },
        ),
      ),
      { op: "eq", field: raw("action"), value: "case.escalated" },
      { op: "eq", field: raw("action"), value: "customer.notified" },
      and({ op: "eq", field: raw("action"), value: "investigation.finding" }, { op: "contains", field: raw("detail"), value: "mailboxes" }),
    ),
  },
  {
    kind: "match",
    key: "storm.response.key-and-token-remediation",
    name: "Remediation of the key or of token validation",
    description:
      "Key revoked, blocked or removed from the published keys, token handling changed, severity raised, forged tokens found, actor infrastructure gone.",
    stageKey: "response",
    severity: "info",
    formats: ["jsonl", "json-array"],
    where: or(
      { op: "re", field: raw("action"), pattern: "^(key\\.(revoked|blocked)|jwks\\.key_removed|incident\\.severity|actor\\.observed)$" },
      and({ op: "eq", field: raw("action"), value: "config.changed" }, { op: "contains", field: raw("detail"), value: "token" }),
      and(
        { op: "eq", field: raw("action"), value: "investigation.finding" },
        { op: "contains", field: raw("detail"), value: "forged token" },
      ),
    ),
  },
  {
    kind: "match",
    key: "storm.response.forged-token-rejected",
    name: "Forged token now rejected",
    description: "Token validation rejected a token signed by a key not scoped to its issuer: the fix is in effect.",
    stageKey: "response",
    technique: "T1606.002",
    severity: "low",
    formats: ["token-validation"],
    where: and({ op: "eq", field: raw("decision"), value: "rejected" }, { op: "eq", field: raw("issuer_scope_match"), value: "false" }),
  },
];
