import { col, or } from "../predicate";
import type { RuleSpec } from "../rule-spec";

const action = (value: string) => ({ op: "eq", field: col("action"), value }) as const;
const anyAction = (...values: string[]) => or(...values.map(action));
const ENTRA_AUDIT = ["entra-audit-json", "entra-audit-la"];

/**
 * Cloud identity and AWS: the changes an intruder makes to keep access to a tenant or an account
 * once in (a consent grant, a credential added to an app, a new service principal, a federation
 * change, access keys and IAM users), and mass password resets that lock the owners out.
 */
export const CLOUD_IDENTITY_RULES: RuleSpec[] = [
  {
    kind: "match",
    key: "generic.app-consent",
    name: "Consent granted to an application",
    description:
      "A user or admin consented to an application's permissions: an illicit consent grant gives the app's owner tokens for the data (T1528).",
    stageKey: "credential-access",
    tactic: "TA0006",
    technique: "T1528",
    severity: "medium",
    formats: ENTRA_AUDIT,
    where: anyAction("Consent to application", "Add delegated permission grant", "Add app role assignment grant to user"),
  },
  {
    kind: "match",
    key: "generic.app-credential-added",
    name: "Credential added to an application or service principal",
    description:
      "A secret or certificate was added to an app or service principal: a way back in that survives password resets (T1098.001).",
    stageKey: "persistence",
    tactic: "TA0003",
    technique: "T1098.001",
    severity: "high",
    formats: ENTRA_AUDIT,
    where: anyAction(
      "Add service principal credentials",
      "Update application – Certificates and secrets management",
      "Update application - Certificates and secrets management",
    ),
  },
  {
    kind: "match",
    key: "generic.service-principal-added",
    name: "Service principal added",
    description: "A service principal was created in the tenant (T1136.003).",
    stageKey: "persistence",
    tactic: "TA0003",
    technique: "T1136.003",
    severity: "medium",
    formats: ENTRA_AUDIT,
    where: action("Add service principal"),
  },
  {
    kind: "match",
    key: "generic.federation-changed",
    name: "Domain federation or authentication changed",
    description: "A domain's authentication or federation settings changed: a forged-token backdoor (Golden SAML) starts here (T1484.002).",
    stageKey: "defense-evasion",
    tactic: "TA0005",
    technique: "T1484.002",
    severity: "critical",
    formats: ENTRA_AUDIT,
    where: anyAction("Set domain authentication", "Set federation settings on domain", "Update domain"),
  },
  {
    kind: "threshold",
    key: "generic.mass-password-reset",
    name: "Mass password resets",
    description:
      "One actor reset the passwords of 5 or more accounts within an hour (fixed hourly bins): the owners are being locked out (T1531).",
    stageKey: "impact",
    tactic: "TA0040",
    technique: "T1531",
    severity: "high",
    formats: ENTRA_AUDIT,
    where: anyAction("Reset user password", "Reset password (by admin)", "Change user password"),
    groupBy: col("actor"),
    distinct: col("target"),
    windowMinutes: 60,
    min: 5,
  },
  {
    kind: "match",
    key: "generic.aws-access-key-created",
    name: "AWS access key created",
    description: "CreateAccessKey: long-lived credentials for an IAM user, often the first thing done with a stolen session (T1098.001).",
    stageKey: "persistence",
    tactic: "TA0003",
    technique: "T1098.001",
    severity: "high",
    formats: ["cloudtrail"],
    where: action("CreateAccessKey"),
  },
  {
    kind: "match",
    key: "generic.aws-iam-user-created",
    name: "AWS IAM user created",
    description: "CreateUser or CreateLoginProfile: a new identity, or a console password for one (T1136.003).",
    stageKey: "persistence",
    tactic: "TA0003",
    technique: "T1136.003",
    severity: "medium",
    formats: ["cloudtrail"],
    where: anyAction("CreateUser", "CreateLoginProfile"),
  },
];
