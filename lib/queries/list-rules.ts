import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";

export type RuleView = {
  id: string;
  key: string;
  name: string;
  kind: string;
  scope: "built-in" | "incident";
  stageKey: string | null;
  technique: string | null;
  severity: string | null;
  evidence: string;
  enabled: boolean;
  matches: number;
};

/** The rules that apply to an incident (built-in and its own Sigma rules) and how many events each matched. */
export async function listRules(ctx: Ctx, incidentId: string): Promise<RuleView[]> {
  if (!(await can(ctx, incidentId, "rules.view"))) return [];
  const rows = await ctx.db.sql.query<{
    id: string;
    key: string;
    name: string;
    kind: string;
    incident_id: string | null;
    stage_key: string | null;
    technique: string | null;
    severity: string | null;
    evidence: string;
    is_enabled: boolean;
    matches: number;
  }>(
    `SELECT r.id, r.key, r.name, r.kind, r.incident_id, r.stage_key, r.technique, r.severity, r.evidence, r.is_enabled,
            (SELECT count(*)::int FROM rule_matches m WHERE m.rule_id = r.id AND m.incident_id = $1) AS matches
     FROM rules r WHERE (r.incident_id IS NULL OR r.incident_id = $1)
       AND EXISTS (SELECT 1 FROM memberships WHERE user_id = $2 AND incident_id = $1)
     ORDER BY r.incident_id NULLS FIRST, r.key`,
    [incidentId, ctx.actor.userId],
  );
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    kind: r.kind,
    scope: r.incident_id ? "incident" : "built-in",
    stageKey: r.stage_key,
    technique: r.technique,
    severity: r.severity,
    evidence: r.evidence,
    enabled: r.is_enabled,
    matches: r.matches,
  }));
}
