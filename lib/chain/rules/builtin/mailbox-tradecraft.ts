import { and, col, not, or, type Predicate, raw } from "../predicate";
import type { RuleSpec } from "../rule-spec";
import { M365_FORMATS, SIGNIN_FORMATS } from "./formats";

const action = (value: string) => ({ op: "eq", field: col("action"), value }) as const;
const re = (field: ReturnType<typeof raw>, pattern: string): Predicate => ({ op: "re", field, pattern, caseInsensitive: true });
/** Where the cmdlet's parameters are: an array in the management API's JSON, text in OfficeActivity exports. */
const PARAMETERS = [raw("Parameters"), raw("AuditData_parsed.Parameters")];
/** A parameter among `names` given a value matching `value` (JSON text, as both exports write it). */
const setTo = (names: string, value: string) =>
  or(...PARAMETERS.map((p) => re(p, `"Name"\\s*:\\s*"(${names})"\\s*,\\s*"Value"\\s*:\\s*${value}`)));
const SUCCESSFUL = not({ op: "startswith", field: col("outcome"), value: "fail" });
const INBOX_RULE = or(action("New-InboxRule"), action("Set-InboxRule"), action("UpdateInboxRules"));
const SIGN_IN = or(action("Sign-in"), action("Non-interactive sign-in"), action("UserLoggedIn"));

/**
 * Business-email compromise beyond the inbox rule itself: rules that hide or forward mail, a
 * mailbox set to forward, and a sign-in from an address the account never used before.
 */
export const MAILBOX_TRADECRAFT_RULES: RuleSpec[] = [
  {
    kind: "match",
    key: "generic.inbox-rule-forwards",
    name: "Inbox rule that forwards or redirects mail",
    description: "An inbox rule created or changed to forward or redirect messages: mail copied out as it arrives (T1114.003).",
    stageKey: "collection",
    tactic: "TA0009",
    technique: "T1114.003",
    severity: "high",
    // Over the plain "inbox rule created" and a rule that only hides: the same event, told more exactly.
    priority: 2,
    formats: M365_FORMATS,
    where: and(INBOX_RULE, setTo("ForwardTo|ForwardAsAttachmentTo|RedirectTo", '"[^"]+"')),
  },
  {
    kind: "match",
    key: "generic.inbox-rule-hides",
    name: "Inbox rule that deletes or moves mail",
    description:
      "An inbox rule created or changed to delete messages or move them out of sight: an intruder hiding the replies to their fraud, or the warnings (T1564.008).",
    stageKey: "defense-evasion",
    tactic: "TA0005",
    technique: "T1564.008",
    severity: "high",
    priority: 1,
    formats: M365_FORMATS,
    where: and(INBOX_RULE, or(setTo("DeleteMessage|SoftDeleteMessage", '"True"'), setTo("MoveToFolder", '"[^"]+"'))),
  },
  {
    kind: "match",
    key: "generic.mailbox-forwarding-set",
    name: "Mailbox set to forward its mail",
    description:
      "Set-Mailbox with a forwarding address (ForwardingSmtpAddress, ForwardingAddress), or a transport rule redirecting mail: every message copied out (T1114.003).",
    stageKey: "collection",
    tactic: "TA0009",
    technique: "T1114.003",
    severity: "high",
    formats: M365_FORMATS,
    where: and(
      or(action("Set-Mailbox"), action("New-TransportRule"), action("Set-TransportRule")),
      // Clearing the forward (an empty value) is the remedy, not the attack.
      setTo("ForwardingSmtpAddress|ForwardingAddress|RedirectMessageTo|BlindCopyTo", '"[^"]+"'),
    ),
  },
  {
    kind: "baseline",
    key: "generic.sign-in-new-address",
    name: "Sign-in from an address new for the account",
    description:
      "A successful sign-in from an IP the account had not used in the 90 days before, when it signed in at least 10 times in them: travel does this too, so it fits a takeover without proving one (T1078).",
    stageKey: "initial-access",
    tactic: "TA0001",
    technique: "T1078.004",
    severity: "low",
    evidence: "circumstantial",
    formats: [...SIGNIN_FORMATS, ...M365_FORMATS],
    where: and(SIGN_IN, SUCCESSFUL, { op: "exists", field: col("src_ip") }),
    entity: { kind: "account", of: col("actor") },
    value: col("src_ip"),
    mode: { kind: "entity", lookbackDays: 90, minHistory: 10 },
  },
];
