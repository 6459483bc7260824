import type { SqlRunner } from "@/lib/db/sql";
import type { LoadedRule } from "./load-rules";

type StageRow = { id: string; key: string; attack_tactic: string | null };

/**
 * The incident stage a rule tags: the stage with the rule's key, else the one stage mapped to the
 * rule's ATT&CK tactic, else none (the event still gets the technique and severity).
 */
export function resolveRuleStages(rules: LoadedRule[], stages: StageRow[]): Map<string, string | null> {
  const byKey = new Map(stages.map((s) => [s.key, s.id]));
  const out = new Map<string, string | null>();
  for (const rule of rules) {
    let stageId = byKey.get(rule.spec.stageKey) ?? null;
    if (!stageId && rule.spec.tactic) {
      const sameTactic = stages.filter((s) => s.attack_tactic === rule.spec.tactic);
      if (sameTactic.length === 1) stageId = sameTactic[0]?.id ?? null;
    }
    out.set(rule.id, stageId);
  }
  return out;
}

const SEVERITY_RANK = "CASE r.severity WHEN 'critical' THEN 5 WHEN 'high' THEN 4 WHEN 'medium' THEN 3 WHEN 'low' THEN 2 ELSE 1 END";

/**
 * Sets each matched event's stage, technique and severity from its best rule (priority, then a
 * rule that names a stage, then severity, then key, so reruns agree), clears tags whose rules no
 * longer match, and never touches an event an analyst tagged by hand. Returns the events changed.
 */
export async function assignStages(tx: SqlRunner, incidentId: string, rules: LoadedRule[]): Promise<number> {
  const stages = await tx.query<StageRow>("SELECT id, key, attack_tactic FROM stages WHERE incident_id = $1", [incidentId]);
  const resolved = resolveRuleStages(rules, stages);
  const ruleIds = [...resolved.keys()];
  const stageIds = ruleIds.map((id) => resolved.get(id) ?? null);
  const updated = await tx.query<{ n: number }>(
    `WITH rule_stage AS (SELECT * FROM unnest($2::uuid[], $3::uuid[]) AS x(rule_id, stage_id)),
     best AS (
       SELECT DISTINCT ON (m.event_id) m.event_id, rs.stage_id, r.technique, r.severity, 'rule:' || r.key AS set_by
       FROM rule_matches m JOIN events e ON e.incident_id = m.incident_id AND e.id = m.event_id
       JOIN rules r ON r.id = m.rule_id JOIN rule_stage rs ON rs.rule_id = m.rule_id
       WHERE e.incident_id = $1
       ORDER BY m.event_id, r.priority DESC, (rs.stage_id IS NOT NULL) DESC, ${SEVERITY_RANK} DESC, r.key),
     tagged AS (
       UPDATE events e SET stage_id = best.stage_id, technique = best.technique, severity = best.severity, stage_set_by = best.set_by
       FROM best WHERE e.id = best.event_id AND e.incident_id = $1 AND e.stage_set_by IS DISTINCT FROM 'hand'
         AND (e.stage_id, e.technique, e.severity, e.stage_set_by) IS DISTINCT FROM (best.stage_id, best.technique, best.severity, best.set_by)
       RETURNING 1),
     cleared AS (
       UPDATE events e SET stage_id = NULL, technique = NULL, severity = NULL, stage_set_by = NULL
       WHERE e.incident_id = $1 AND e.stage_set_by LIKE 'rule:%'
         AND NOT EXISTS (SELECT 1 FROM rule_matches m JOIN unnest($2::uuid[]) AS live(id) ON live.id = m.rule_id WHERE m.event_id = e.id)
       RETURNING 1)
     SELECT (SELECT count(*) FROM tagged)::int + (SELECT count(*) FROM cleared)::int AS n`,
    [incidentId, ruleIds, stageIds],
  );
  return updated[0]?.n ?? 0;
}
