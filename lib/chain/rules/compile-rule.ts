import type { SqlParams } from "@/lib/db/sql-params";
import { compilePredicate } from "./compile-sql";
import { keySql } from "./key-sql";
import type { BaselineRule, KeyRef, MultiOriginRule, PivotRule, RuleSpec, ThresholdRule } from "./rule-spec";

/** How many keys a rule may group or join on (the candidate relation's k0…k2). */
export const MAX_KEYS = 3;

/**
 * Where a rule's candidates come from: straight from `events`, or from a temp table the runner
 * filled in one pass over the incident for every rule at once, with each candidate's time and
 * keys already computed (`base`: the table and a parameter holding this rule's index in it).
 */
export type RuleInput = { base?: { table: string; idx: string } };

/** The keys a rule groups or joins its candidates on, in the order its SQL reads them (k0, k1, …). */
export function ruleKeys(rule: RuleSpec): KeyRef[] {
  switch (rule.kind) {
    case "match":
      return [];
    case "threshold":
      return rule.distinct ? [rule.groupBy, rule.distinct] : [rule.groupBy];
    case "multi-origin":
      return [rule.token, rule.origin];
    case "baseline":
      return [rule.entity, rule.value];
    case "pivot":
      if (rule.on.length + (rule.firstSeenAfterAnchor ? 1 : 0) > MAX_KEYS)
        throw new Error(`${rule.key}: a pivot joins on at most ${MAX_KEYS} keys, its first-seen key included`);
      if (rule.anchorOn && rule.anchorOn.length !== rule.on.length) throw new Error(`${rule.key}: anchorOn and on name as many keys`);
      return rule.firstSeenAfterAnchor ? [...rule.on, rule.firstSeenAfterAnchor] : rule.on;
  }
}

/** The relation (id, t, k0, k1, k2) of the rule's candidate events. */
function candidates(rule: RuleSpec, params: SqlParams, input: RuleInput): string {
  if (input.base) return `SELECT event_id AS id, t, k0, k1, k2 FROM ${input.base.table} WHERE idx = ${input.base.idx}::int`;
  const keys = ruleKeys(rule).map((k) => keySql(k, params));
  const cols = Array.from({ length: MAX_KEYS }, (_, i) => `${keys[i] ?? "NULL::text"} AS k${i}`).join(", ");
  const formats = rule.formats?.length ? ` AND s.format = ANY(${params.add(rule.formats)}::text[])` : "";
  return `SELECT e.id, e.occurred_at AS t, ${cols} FROM events e JOIN sources s ON s.id = e.source_id
    WHERE e.incident_id = $1${formats} AND (${compilePredicate(rule.where, params)})`;
}

/**
 * SQL selecting the ids of the events one rule matches in incident $1. Every rule kind becomes a
 * single set-based statement over its candidates.
 */
export function compileRuleSelect(rule: RuleSpec, params: SqlParams, input: RuleInput = {}): string {
  const base = candidates(rule, params, input);
  switch (rule.kind) {
    case "match":
      return `SELECT id FROM (${base}) c`;
    case "threshold":
      return threshold(rule, params, base);
    case "multi-origin":
      return multiOrigin(rule, params, base);
    case "baseline":
      return baseline(rule, params, base);
    case "pivot":
      return pivot(rule, params, base);
  }
}

function threshold(rule: ThresholdRule, params: SqlParams, base: string): string {
  const counted = rule.distinct ? "count(DISTINCT k1)" : "count(*)";
  const width = params.add(`${rule.windowMinutes} minutes`);
  return `WITH c AS (SELECT id, k0, k1, date_bin(${width}::interval, t, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bin FROM (${base}) b),
    hot AS (SELECT k0, bin FROM c WHERE k0 IS NOT NULL GROUP BY k0, bin HAVING ${counted} >= ${params.add(rule.min)}::int)
    SELECT c.id FROM c JOIN hot ON hot.k0 = c.k0 AND hot.bin = c.bin`;
}

function multiOrigin(rule: MultiOriginRule, params: SqlParams, base: string): string {
  return `WITH c AS (${base}),
    multi AS (SELECT k0 FROM c WHERE k0 IS NOT NULL GROUP BY k0 HAVING count(DISTINCT k1) >= ${params.add(rule.minOrigins)}::int)
    SELECT c.id FROM c JOIN multi ON multi.k0 = c.k0`;
}

/** k0 is the entity, k1 the value. */
function baseline(rule: BaselineRule, params: SqlParams, base: string): string {
  const known = `WITH known AS (SELECT id, t, k0 AS ent, k1 AS val FROM (${base}) b WHERE k0 IS NOT NULL AND k1 IS NOT NULL)`;
  if (rule.mode.kind === "population") {
    return `${known},
      population AS (SELECT count(DISTINCT ent) AS n FROM known),
      spread AS (SELECT val, count(DISTINCT ent) AS k FROM known GROUP BY val)
      SELECT known.id FROM known JOIN spread ON spread.val = known.val CROSS JOIN population
      WHERE population.n >= ${params.add(rule.mode.minEntities)}::int AND spread.k < ${params.add(rule.mode.maxShare)}::float8 * population.n`;
  }
  const lookback = params.add(`${rule.mode.lookbackDays} days`);
  // "At least minHistory earlier events in the lookback" is "the minHistory-th earlier event is in
  // it": a lag, not a count over a RANGE frame, which on one busy account (100,000 sign-ins)
  // spilled its frame to disk and ran for minutes.
  const minHistory = Math.trunc(rule.mode.minHistory);
  const enoughHistory = minHistory > 0 ? `history_start >= t - ${lookback}::interval AND ` : "";
  return `${known},
    judged AS (
      SELECT id, t,
        lag(t) OVER (PARTITION BY ent, val ORDER BY t, id) AS previous_same,
        lag(t, ${params.add(Math.max(1, minHistory))}::int) OVER (PARTITION BY ent ORDER BY t, id) AS history_start
      FROM known)
    SELECT id FROM judged
    WHERE ${enoughHistory}(previous_same IS NULL OR previous_same < t - ${lookback}::interval)`;
}

/** Anchor keys come from the (few) events other rules matched; targets from the candidates' k0…. */
function pivot(rule: PivotRule, params: SqlParams, candidatesSql: string): string {
  let base = candidatesSql;
  const keys = rule.on.map((k) => keySql(k, params));
  const anchorKeys = (rule.anchorOn ?? rule.on).map((k) => keySql(k, params));
  const anchorWhere = rule.anchor.where ? ` AND (${compilePredicate(rule.anchor.where, params)})` : "";
  const join = keys.map((_, i) => `a.k${i} = c.k${i}`).join(" AND ");
  const time: string[] = [];
  if (rule.afterAnchor) time.push("c.t >= a.first_at");
  if (rule.withinDays !== undefined) {
    const days = params.add(`${rule.withinDays} days`);
    time.push(`c.t BETWEEN a.first_at - ${days}::interval AND a.last_at + ${days}::interval`);
  }
  const novel = rule.firstSeenAfterAnchor ? `k${keys.length}` : null;
  if (novel) {
    // When the entity first had each value, over every candidate (not only the window's).
    const byEntity = keys.map((_, i) => `k${i}`).join(", ");
    base = `SELECT c0.*, min(c0.t) OVER (PARTITION BY ${byEntity}, c0.${novel}) AS first_seen FROM (${base}) c0`;
    time.push(`c.first_seen >= a.first_at`);
  }
  return `WITH anchor AS (
      SELECT ${anchorKeys.map((k, i) => `${k} AS k${i}`).join(", ")}, min(e.occurred_at) AS first_at, max(e.occurred_at) AS last_at
      FROM rule_matches m JOIN rules r ON r.id = m.rule_id JOIN events e ON e.incident_id = m.incident_id AND e.id = m.event_id
      JOIN sources s ON s.incident_id = e.incident_id AND s.id = e.source_id
      WHERE e.incident_id = $1 AND r.key = ANY(${params.add(rule.anchor.rules)}::text[])${anchorWhere}
      GROUP BY ${keys.map((_, i) => `k${i}`).join(", ")})
    SELECT DISTINCT c.id FROM (${base}) c JOIN anchor a ON ${join}${time.map((t) => ` AND ${t}`).join("")}`;
}
