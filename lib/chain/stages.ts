/** A stage as shipped in a built-in set, before it is copied onto an incident. */
export type StageTemplate = { key: string; name: string; description: string; attackTactic?: string };

/** The Storm-0558-shaped chain from DESIGN.md, first exposure to remediation. */
export const STORM_0558_STAGES: readonly StageTemplate[] = [
  { key: "key-exposure", name: "Key material exposure", description: "Crash dump written with key material" },
  {
    key: "transfer-out",
    name: "Transfer out of the isolated network",
    description: "Dump moved to the debugging environment",
    attackTactic: "TA0010",
  },
  { key: "detection-failure", name: "Detection failure", description: "Credential scan ran and missed the key" },
  {
    key: "account-compromise",
    name: "Corporate account compromise",
    description: "Engineer account token theft and replay",
    attackTactic: "TA0001",
  },
  { key: "key-acquisition", name: "Key acquisition / exfiltration", description: "No direct logs: retention gap", attackTactic: "TA0006" },
  { key: "token-forgery", name: "Token forgery", description: "Consumer key accepted for enterprise tokens", attackTactic: "TA0006" },
  { key: "mailbox-access", name: "Mailbox access", description: "MailItemsAccessed by an unexpected AppId", attackTactic: "TA0009" },
  { key: "detection", name: "Detection", description: "Customer rule fires" },
  { key: "response", name: "Response and remediation", description: "Key revoked, validation fixed" },
];

/** A generic chain following ATT&CK's enterprise tactics. */
export const GENERIC_STAGES: readonly StageTemplate[] = [
  { key: "initial-access", name: "Initial access", description: "", attackTactic: "TA0001" },
  { key: "execution", name: "Execution", description: "", attackTactic: "TA0002" },
  { key: "persistence", name: "Persistence", description: "", attackTactic: "TA0003" },
  { key: "privilege-escalation", name: "Privilege escalation", description: "", attackTactic: "TA0004" },
  { key: "defense-evasion", name: "Defense evasion", description: "", attackTactic: "TA0005" },
  { key: "credential-access", name: "Credential access", description: "", attackTactic: "TA0006" },
  { key: "discovery", name: "Discovery", description: "", attackTactic: "TA0007" },
  { key: "lateral-movement", name: "Lateral movement", description: "", attackTactic: "TA0008" },
  { key: "collection", name: "Collection", description: "", attackTactic: "TA0009" },
  { key: "command-and-control", name: "Command and control", description: "", attackTactic: "TA0011" },
  { key: "exfiltration", name: "Exfiltration", description: "", attackTactic: "TA0010" },
  { key: "impact", name: "Impact", description: "", attackTactic: "TA0040" },
];

export const STAGE_SETS = { "storm-0558": STORM_0558_STAGES, generic: GENERIC_STAGES } as const;

export type StageSetName = keyof typeof STAGE_SETS;

/** The stages rows of an incident from templates, in the order given. */
export function stageRows(incidentId: string, templates: readonly StageTemplate[]) {
  return templates.map((s, position) => ({
    incidentId,
    key: s.key,
    name: s.name,
    description: s.description,
    attackTactic: s.attackTactic ?? null,
    position,
  }));
}
