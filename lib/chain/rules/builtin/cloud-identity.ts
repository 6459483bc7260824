import { and, col, not, or, raw } from "../predicate";
import type { RuleSpec } from "../rule-spec";

const action = (value: string) => ({ op: "eq", field: col("action"), value }) as const;
const anyAction = (...values: string[]) => or(...values.map(action));
/** S3 calls that list a bucket or read what it holds. */
const S3_READ = anyAction("GetObject", "ListObjects", "ListObjectsV2", "ListBucket", "HeadObject", "GetBucketAcl", "ListBucketVersions");
const ANONYMOUS = or(
  { op: "eq", field: col("actor"), value: "ANONYMOUS_PRINCIPAL" },
  { op: "eq", field: raw("userIdentity.type"), value: "AnonymousPrincipal" },
);
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
  {
    kind: "threshold",
    key: "generic.aws-anonymous-s3-burst",
    name: "Anonymous bucket listing and object reads in a burst",
    description:
      "20 or more S3 list or get calls by an anonymous principal from one address within 10 minutes: a scanner, or someone taking what an open bucket holds (T1619, T1530).",
    stageKey: "collection",
    tactic: "TA0009",
    technique: "T1530",
    severity: "high",
    formats: ["cloudtrail"],
    where: and(S3_READ, ANONYMOUS),
    groupBy: col("src_ip"),
    windowMinutes: 10,
    min: 20,
  },
  {
    kind: "baseline",
    key: "generic.aws-s3-new-principal",
    name: "Bucket read by a principal new to it",
    description:
      "S3 list or get calls on a bucket by a principal that had not used it in the 30 days before, when the bucket saw 20 or more calls in them: a stolen key or a new reader, to be explained (T1530).",
    stageKey: "collection",
    tactic: "TA0009",
    technique: "T1530",
    severity: "low",
    evidence: "circumstantial",
    formats: ["cloudtrail"],
    where: and(S3_READ, not(ANONYMOUS)),
    entity: raw("requestParameters.bucketName"),
    value: col("actor"),
    mode: { kind: "entity", lookbackDays: 30, minHistory: 20 },
  },
];
