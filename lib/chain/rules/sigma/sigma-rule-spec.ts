import { FORMATS } from "@/lib/ingest/formats/registry";
import type { MatchRule, Severity } from "../rule-spec";
import { parseSigma, type SigmaRule } from "./parse-sigma";
import { eventIdGate, formatsAccepted, logsourceGate, operationGate } from "./sigma-gate";
import { logsourcePredicate, WINDOWS_SERVICES } from "./sigma-logsource";

/** ATT&CK tactic tags (attack.credential_access) as tactic ids and generic stage keys. */
const TACTICS: Record<string, { id: string; stage: string }> = {
  initial_access: { id: "TA0001", stage: "initial-access" },
  execution: { id: "TA0002", stage: "execution" },
  persistence: { id: "TA0003", stage: "persistence" },
  privilege_escalation: { id: "TA0004", stage: "privilege-escalation" },
  defense_evasion: { id: "TA0005", stage: "defense-evasion" },
  credential_access: { id: "TA0006", stage: "credential-access" },
  discovery: { id: "TA0007", stage: "discovery" },
  lateral_movement: { id: "TA0008", stage: "lateral-movement" },
  collection: { id: "TA0009", stage: "collection" },
  exfiltration: { id: "TA0010", stage: "exfiltration" },
  command_and_control: { id: "TA0011", stage: "command-and-control" },
  impact: { id: "TA0040", stage: "impact" },
};

const LEVELS: Record<string, Severity> = { informational: "info", low: "low", medium: "medium", high: "high", critical: "critical" };

/**
 * The stage a Sigma rule tags: its first ATT&CK tactic tag. An informational rule (SigmaHQ's
 * threat-hunting leads: a logoff, a listed process) tags its technique but no stage: a lead for
 * the analyst, not a step of the chain ("User Logoff Event" is tagged attack.impact).
 */
export function sigmaStage(rule: SigmaRule): { stageKey: string | null; tactic: string | null } {
  if (rule.level === "informational") return { stageKey: null, tactic: null };
  const tactic = rule.tactics.map((t) => TACTICS[t.replace(/^attack\./, "")]).find(Boolean);
  return { stageKey: tactic?.stage ?? null, tactic: tactic?.id ?? null };
}

/** A stored Sigma rule (one YAML document) as a runnable match rule; null when it no longer parses. */
export function sigmaRowToSpec(row: { key: string; definition: string; stage_key: string | null }): MatchRule | null {
  const { rules } = parseSigma(row.definition, row.key);
  const rule = rules[0];
  if (!rule) return null;
  const { stageKey, tactic } = sigmaStage(rule);
  // Cheap first filters from the logsource: the formats that carry it, and the action or channel.
  const formats = formatsAccepted(logsourcePredicate(rule.logsource), FORMAT_NAMES);
  const fromLogsource = logsourceGate(rule.logsource, WINDOWS_SERVICES);
  // A Windows rule its logsource gates no closer than a channel is gated on the event ids its
  // detection requires, when it requires some; it then tests its whole predicate, channel included.
  const byIds = rule.logsource.product === "windows" && !fromLogsource.gate.actions ? eventIdGate(rule.detection) : null;
  // A cloud rule that names its operations (M365, CloudTrail, Entra audit) is tested on those records only.
  const cloud = ["m365", "azure", "aws"].includes(rule.logsource.product ?? "");
  const byOperation = cloud && !fromLogsource.gate.actions && !fromLogsource.gate.channels ? operationGate(rule.detection) : null;
  const gate = byIds ? { gate: byIds, exact: false } : byOperation ? { gate: byOperation, exact: false } : fromLogsource;
  return {
    kind: "match",
    key: row.key,
    name: rule.title,
    description: rule.description,
    stageKey: row.stage_key ?? stageKey ?? "",
    tactic: tactic ?? undefined,
    evidence: sigmaEvidence(rule),
    technique: rule.technique ?? undefined,
    severity: (rule.level && LEVELS[rule.level]) || "medium",
    tags: rule.tags,
    // Where the runner's gate (formats, then action or channel) is the logsource filter itself,
    // the rule tests only its detection: the channel and event id are not read again per event.
    where: gate.exact && formats.length > 0 ? rule.detection : rule.predicate,
    formats,
    gate: gate.gate,
  };
}

const FORMAT_NAMES = FORMATS.map((f) => f.name);

/** A low-level rule fits a step without proving it (SigmaHQ: "low" means notable, often benign). */
export function sigmaEvidence(rule: SigmaRule): "direct" | "circumstantial" {
  return rule.level === "low" ? "circumstantial" : "direct";
}
