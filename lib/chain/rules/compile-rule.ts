import { compilePredicate, type SqlParams } from "./compile-sql";
import { keySql } from "./key-sql";
import type { Predicate } from "./predicate";
import type { BaselineRule, MultiOriginRule, PivotRule, RuleSpec, ThresholdRule } from "./rule-spec";

/**
 * SQL selecting the ids of the events one rule matches in incident $1. Every rule kind becomes a
 * single set-based statement, so a rule costs one pass (or one join) over the incident's events.
 * `scopeSource`: a parameter holding a source id, to run a match rule on one import only.
 */
export function compileRuleSelect(rule: RuleSpec, params: SqlParams, scopeSource?: string): string {
  switch (rule.kind) {
    case "match":
      return `SELECT e.id FROM events e JOIN sources s ON s.id = e.source_id WHERE ${filter(rule, rule.where, params)}${scopeSource ? ` AND e.source_id = ${scopeSource}` : ""}`;
    case "threshold":
      return threshold(rule, params);
    case "multi-origin":
      return multiOrigin(rule, params);
    case "baseline":
      return baseline(rule, params);
    case "pivot":
      return pivot(rule, params);
  }
}

/** The incident, the rule's formats (cheap, so first) and its predicate. */
export function filter(rule: Pick<RuleSpec, "formats">, where: Predicate, params: SqlParams): string {
  const formats = rule.formats?.length ? ` AND s.format = ANY(${params.add(rule.formats)}::text[])` : "";
  return `e.incident_id = $1${formats} AND (${compilePredicate(where, params)})`;
}

function threshold(rule: ThresholdRule, params: SqlParams): string {
  const group = keySql(rule.groupBy, params);
  const counted = rule.distinct ? `count(DISTINCT d)` : "count(*)";
  const distinct = rule.distinct ? keySql(rule.distinct, params) : "NULL";
  const width = params.add(`${rule.windowMinutes} minutes`);
  return `WITH base AS (
      SELECT e.id, ${group} AS g, ${distinct} AS d,
             date_bin(${width}::interval, e.occurred_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bin
      FROM events e JOIN sources s ON s.id = e.source_id WHERE ${filter(rule, rule.where, params)}),
    hot AS (SELECT g, bin FROM base WHERE g IS NOT NULL GROUP BY g, bin HAVING ${counted} >= ${params.add(rule.min)}::int)
    SELECT base.id FROM base JOIN hot ON hot.g = base.g AND hot.bin = base.bin`;
}

function multiOrigin(rule: MultiOriginRule, params: SqlParams): string {
  return `WITH base AS (
      SELECT e.id, ${keySql(rule.token, params)} AS k, ${keySql(rule.origin, params)} AS o
      FROM events e JOIN sources s ON s.id = e.source_id WHERE ${filter(rule, rule.where, params)}),
    multi AS (SELECT k FROM base WHERE k IS NOT NULL GROUP BY k HAVING count(DISTINCT o) >= ${params.add(rule.minOrigins)}::int)
    SELECT base.id FROM base JOIN multi ON multi.k = base.k`;
}

function baseline(rule: BaselineRule, params: SqlParams): string {
  const base = `WITH base AS (
      SELECT e.id, e.occurred_at AS t, ${keySql(rule.entity, params)} AS ent, ${keySql(rule.value, params)} AS val
      FROM events e JOIN sources s ON s.id = e.source_id WHERE ${filter(rule, rule.where, params)})`;
  if (rule.mode.kind === "population") {
    return `${base},
      known AS (SELECT * FROM base WHERE ent IS NOT NULL AND val IS NOT NULL),
      population AS (SELECT count(DISTINCT ent) AS n FROM known),
      spread AS (SELECT val, count(DISTINCT ent) AS k FROM known GROUP BY val)
      SELECT known.id FROM known JOIN spread ON spread.val = known.val CROSS JOIN population
      WHERE population.n >= ${params.add(rule.mode.minEntities)}::int AND spread.k < ${params.add(rule.mode.maxShare)}::float8 * population.n`;
  }
  const lookback = params.add(`${rule.mode.lookbackDays} days`);
  return `${base},
    judged AS (
      SELECT id, t,
        lag(t) OVER (PARTITION BY ent, val ORDER BY t, id) AS previous_same,
        count(*) OVER (PARTITION BY ent ORDER BY t RANGE BETWEEN ${lookback}::interval PRECEDING AND CURRENT ROW) - 1 AS history
      FROM base WHERE ent IS NOT NULL AND val IS NOT NULL)
    SELECT id FROM judged
    WHERE history >= ${params.add(rule.mode.minHistory)}::int
      AND (previous_same IS NULL OR previous_same < t - ${lookback}::interval)`;
}

function pivot(rule: PivotRule, params: SqlParams): string {
  const keys = rule.on.map((k) => keySql(k, params));
  const anchorWhere = rule.anchor.where ? ` AND (${compilePredicate(rule.anchor.where, params)})` : "";
  const anchorKeys = keys.map((k, i) => `${k} AS k${i}`).join(", ");
  const join = keys.map((k, i) => `a.k${i} = ${k}`).join(" AND ");
  const time: string[] = [];
  if (rule.afterAnchor) time.push("e.occurred_at >= a.first_at");
  if (rule.withinDays !== undefined) {
    const days = params.add(`${rule.withinDays} days`);
    time.push(`e.occurred_at BETWEEN a.first_at - ${days}::interval AND a.last_at + ${days}::interval`);
  }
  return `WITH anchor AS (
      SELECT ${anchorKeys}, min(e.occurred_at) AS first_at, max(e.occurred_at) AS last_at
      FROM rule_matches m JOIN rules r ON r.id = m.rule_id JOIN events e ON e.id = m.event_id JOIN sources s ON s.id = e.source_id
      WHERE e.incident_id = $1 AND r.key = ANY(${params.add(rule.anchor.rules)}::text[])${anchorWhere}
      GROUP BY ${keys.map((_, i) => `k${i}`).join(", ")})
    SELECT DISTINCT e.id FROM events e JOIN sources s ON s.id = e.source_id
    JOIN anchor a ON ${join}
    WHERE ${filter(rule, rule.where, params)}${time.map((t) => ` AND ${t}`).join("")}`;
}
