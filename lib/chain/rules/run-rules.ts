import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import { assignStages } from "./assign-stages";
import { compileRuleSelect } from "./compile-rule";
import { SqlParams } from "./compile-sql";
import { type LoadedRule, loadRules } from "./load-rules";
import { syncBuiltinRules } from "./sync-builtin-rules";

export type RuleRunFigure = { key: string; kind: string; matched: number; ms: number };
export type RuleRunResult = {
  incidentId: string;
  /** "incident": every event; "source": match rules on one import, correlation rules on all. */
  scope: "incident" | "source";
  rules: RuleRunFigure[];
  /** Events whose stage the run set or changed. */
  eventsRetagged: number;
  /** Events that carry a rule-set stage after the run. */
  eventsTagged: number;
  ms: number;
};

/**
 * Runs the incident's enabled rules and sets each matched event's stage, technique and severity
 * from the best rule that fired (hand-set stages are never touched). All in one transaction: a
 * failed run leaves the previous tags in place. With `sourceId`, field-match rules read only that
 * import's events (what runs after an import); correlation rules always read the whole incident,
 * because a new event can complete a pattern that began in older ones.
 */
export async function runRules(ctx: Ctx, incidentId: string, options: { sourceId?: string } = {}): Promise<RuleRunResult> {
  const started = performance.now();
  await syncBuiltinRules(ctx.db.sql);
  const rules = (await loadRules(ctx.db.sql, incidentId)).filter((r) => r.enabled);
  const figures: RuleRunFigure[] = [];
  const result = await ctx.db.sql.transaction(async (tx) => {
    // One incident's rule run at a time; imports finishing together queue here.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('chainline.rules'), hashtext($1))", [incidentId]);
    await clearMatches(tx, incidentId, rules, options.sourceId);
    for (const rule of rules) {
      const t0 = performance.now();
      const matched = await insertMatches(tx, incidentId, rule, options.sourceId);
      figures.push({ key: rule.spec.key, kind: rule.spec.kind, matched, ms: Math.round(performance.now() - t0) });
    }
    const retagged = await assignStages(tx, incidentId, rules);
    const [tagged] = await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND stage_set_by LIKE 'rule:%'",
      [incidentId],
    );
    await recordAuditSql(tx, ctx, {
      action: "rules.run",
      entityType: "Incident",
      entityId: incidentId,
      incidentId,
      after: { scope: options.sourceId ? { sourceId: options.sourceId } : "incident", retagged, tagged: tagged?.n ?? 0, rules: figures },
    });
    return { retagged, tagged: tagged?.n ?? 0 };
  });
  return {
    incidentId,
    scope: options.sourceId ? "source" : "incident",
    rules: figures,
    eventsRetagged: result.retagged,
    eventsTagged: result.tagged,
    ms: Math.round(performance.now() - started),
  };
}

type Tx = Ctx["db"]["sql"];

/** Forgets what the rules about to run found last time, in the run's scope. */
async function clearMatches(tx: Tx, incidentId: string, rules: LoadedRule[], sourceId?: string) {
  const matchIds = rules.filter((r) => r.spec.kind === "match").map((r) => r.id);
  const correlationIds = rules.filter((r) => r.spec.kind !== "match").map((r) => r.id);
  await tx.query(
    `DELETE FROM rule_matches m USING events e
     WHERE m.event_id = e.id AND e.incident_id = $1 AND m.rule_id = ANY($2::uuid[])${sourceId ? " AND e.source_id = $3" : ""}`,
    sourceId ? [incidentId, matchIds, sourceId] : [incidentId, matchIds],
  );
  await tx.query(
    "DELETE FROM rule_matches m USING events e WHERE m.event_id = e.id AND e.incident_id = $1 AND m.rule_id = ANY($2::uuid[])",
    [incidentId, correlationIds],
  );
  // Matches of rules switched off no longer count.
  await tx.query(
    `DELETE FROM rule_matches m USING events e, rules r
     WHERE m.event_id = e.id AND r.id = m.rule_id AND e.incident_id = $1 AND NOT r.is_enabled`,
    [incidentId],
  );
}

async function insertMatches(tx: Tx, incidentId: string, rule: LoadedRule, sourceId?: string): Promise<number> {
  const params = new SqlParams(2);
  const ruleParam = params.add(rule.id);
  const scope = sourceId && rule.spec.kind === "match" ? params.add(sourceId) : undefined;
  const select = compileRuleSelect(rule.spec, params, scope);
  const rows = await tx.query<{ n: number }>(
    `WITH hits AS (INSERT INTO rule_matches (rule_id, event_id)
       SELECT ${ruleParam}::uuid, hit.id FROM (${select}) AS hit
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM hits`,
    [incidentId, ...params.values()],
  );
  return rows[0]?.n ?? 0;
}
