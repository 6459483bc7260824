import type { MatchRule, Severity } from "../rule-spec";
import { parseSigma, type SigmaRule } from "./parse-sigma";

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

/** The stage a Sigma rule tags: an explicit choice, else its first ATT&CK tactic tag. */
export function sigmaStage(rule: SigmaRule): { stageKey: string | null; tactic: string | null } {
  const tactic = rule.tactics.map((t) => TACTICS[t.replace(/^attack\./, "")]).find(Boolean);
  return { stageKey: tactic?.stage ?? null, tactic: tactic?.id ?? null };
}

/** A stored Sigma rule (one YAML document) as a runnable match rule; null when it no longer parses. */
export function sigmaRowToSpec(row: { key: string; definition: string; stage_key: string | null }): MatchRule | null {
  const { rules } = parseSigma(row.definition, row.key);
  const rule = rules[0];
  if (!rule) return null;
  const { stageKey, tactic } = sigmaStage(rule);
  return {
    kind: "match",
    key: row.key,
    name: rule.title,
    description: rule.description,
    stageKey: row.stage_key ?? stageKey ?? "",
    tactic: tactic ?? undefined,
    technique: rule.technique ?? undefined,
    severity: (rule.level && LEVELS[rule.level]) || "medium",
    tags: rule.tags,
    where: rule.predicate,
  };
}
