import { authorize } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import { SqlParams } from "@/lib/db/sql-params";
import { refreshEventHourly } from "@/lib/rollup/event-hourly";
import { assignStages } from "./assign-stages";
import { compileRuleSelect, ruleKeys } from "./compile-rule";
import { compilePredicate } from "./compile-sql";
import { keySql } from "./key-sql";
import { type LoadedRule, loadRules } from "./load-rules";
import { CANONICAL_COLUMNS } from "./predicate";
import { syncBuiltinRules } from "./sync-builtin-rules";

export type RuleRunFigure = { key: string; kind: string; matched: number; ms: number };
export type RuleRunResult = {
  incidentId: string;
  /** The one pass over the events that tests every rule's fields (ms), and the candidates it kept. */
  pass: { ms: number; candidates: number };
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
  await authorize(ctx, incidentId, "evidence.edit");
  const started = performance.now();
  await syncBuiltinRules(ctx.db.sql);
  const rules = (await loadRules(ctx.db.sql, incidentId)).filter((r) => r.enabled);
  const figures: RuleRunFigure[] = [];
  const pass = { ms: 0, candidates: 0 };
  const result = await ctx.db.sql.transaction(async (tx) => {
    // One incident's rule run at a time; imports finishing together queue here.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('chainline.rules'), hashtext($1))", [incidentId]);
    await clearMatches(tx, incidentId, rules, options.sourceId);
    const t0 = performance.now();
    const candidates = await fillBase(tx, incidentId, rules, options.sourceId);
    pass.ms = Math.round(performance.now() - t0);
    pass.candidates = candidates;
    for (const [idx, rule] of rules.entries()) {
      const t1 = performance.now();
      const matched = await insertMatches(tx, incidentId, rule, idx);
      figures.push({ key: rule.spec.key, kind: rule.spec.kind, matched, ms: Math.round(performance.now() - t1) });
    }
    const retagged = await assignStages(tx, incidentId, rules);
    // The timeline's hourly counts are per stage: recount with the new tags, in the same transaction.
    await refreshEventHourly(tx, incidentId);
    const [tagged] = await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND stage_set_by LIKE 'rule:%'",
      [incidentId],
    );
    await recordAuditSql(tx, ctx, {
      action: "rules.run",
      entityType: "Incident",
      entityId: incidentId,
      incidentId,
      after: {
        scope: options.sourceId ? { sourceId: options.sourceId } : "incident",
        retagged,
        tagged: tagged?.n ?? 0,
        pass,
        rules: figures,
      },
    });
    return { retagged, tagged: tagged?.n ?? 0 };
  });
  return {
    incidentId,
    pass,
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

const BASE = "pg_temp.rule_base";

/**
 * One pass over the incident's events testing every rule's fields at once, keeping each hit with
 * its time and the keys its rule groups on: a million events are read once, not once per rule.
 * Which rules apply to which source (by format) is decided here, per source, so each event is
 * tested only against the rules for its format. With `sourceId`, field-match rules read only that
 * import's events (through the (incident, time) index within the source's span); correlation
 * rules read them all. The table is made with CREATE TABLE AS, which Postgres runs in parallel.
 */
async function fillBase(tx: Tx, incidentId: string, rules: LoadedRule[], sourceId?: string): Promise<number> {
  const sources = await tx.query<{ id: string; format: string; first_event_at: Date | null; last_event_at: Date | null }>(
    "SELECT id, format, first_event_at, last_event_at FROM sources WHERE incident_id = $1",
    [incidentId],
  );
  // The actions and channels each source's events carry: a rule gated on values no event has is
  // left out of the statement altogether. (The whole corpus is ~3,000 rules, of which a few dozen
  // can match an incident's logs; each one left in costs every candidate row a branch of the CASE.)
  const present = new Set(
    (
      await tx.query<{ source_id: string; action: string | null; category: string | null }>(
        `SELECT DISTINCT source_id, lower(action) AS action, category FROM events WHERE incident_id = $1${sourceId ? " AND source_id = $2" : ""}`,
        sourceId ? [incidentId, sourceId] : [incidentId],
      )
    ).flatMap((r) => [`actions\u0000${r.source_id}\u0000${r.action}`, `channels\u0000${r.source_id}\u0000${r.category}`]),
  );
  let created = false;
  const pass = async (which: [number, LoadedRule][], only?: string) => {
    const applies = (r: LoadedRule) => (src: (typeof sources)[number]) =>
      (!only || src.id === only) && (!r.spec.formats?.length || r.spec.formats.includes(src.format));
    /** The (source, gate value) pairs a rule is tested on: only those some event has. */
    const pairsOf = (gate: "actions" | "channels" | "none", idx: number, r: LoadedRule) =>
      sources
        .filter(applies(r))
        .flatMap((src) =>
          gate === "none"
            ? [[src.id, idx, ""] as const]
            : (r.spec.gate?.[gate] ?? [])
                .map((v) => [src.id, idx, gate === "actions" ? v.toLowerCase() : v] as const)
                .filter(([id, , v]) => present.has(`${gate}\u0000${id}\u0000${v}`)),
        );
    // Rules gated on an action or a channel are joined to the events on that column; the rest read every event of their sources.
    for (const gate of ["actions", "channels", "none"] as const) {
      const gated = which.filter(([idx, r]) => gateOf(r) === gate && pairsOf(gate, idx, r).length > 0);
      for (const chunk of chunksUnderParamLimit(gated)) {
        const pairs = chunk.flatMap(([idx, r]) => pairsOf(gate, idx, r));
        if (pairs.length === 0) continue;
        const params = new SqlParams(5);
        // Gated chunks read a narrowed copy of the events with a lower-cased record (below); the
        // ungated ones (the built-ins, a few Sigma products) read the table itself, in parallel.
        const fold = gate === "none" ? {} : { foldedRaw: "e.lraw" };
        const hit = `CASE rs.idx ${chunk.map(([idx, r]) => `WHEN ${idx} THEN ${compilePredicate(r.spec.where, params, fold)}`).join(" ")} ELSE false END`;
        // Keys are computed only for the hits (the WHERE runs before this projection).
        const keyed = chunk
          .map(([idx, r]) => [idx, ruleKeys(r.spec).map((k) => keySql(k, params))] as const)
          .filter(([, ks]) => ks.length > 0);
        const keyCol = (i: number) =>
          keyed.some(([, ks]) => ks[i])
            ? `CASE rs.idx ${keyed.map(([idx, ks]) => (ks[i] ? `WHEN ${idx} THEN ${ks[i]}` : "")).join(" ")} END`
            : "NULL";
        const scoped = only ? sources.find((src) => src.id === only) : undefined;
        const span = scoped
          ? ` AND e.occurred_at BETWEEN ${params.add(scoped.first_event_at)}::timestamptz AND ${params.add(scoped.last_event_at)}::timestamptz`
          : "";
        // Actions compare without regard to case, as Sigma compares an Operation or eventName.
        const on = gate === "actions" ? " AND lower(e.action) = rs.v" : gate === "channels" ? " AND e.category = rs.v" : "";
        const narrow =
          gate === "actions" ? " AND lower(e.action) = ANY($4::text[])" : gate === "channels" ? " AND e.category = ANY($4::text[])" : "";
        // Gated: each event's raw record is read (and, when long, detoasted and decompressed) once into the
        // CTE, not once per field test: a Windows record is tested on a dozen paths by each of
        // hundreds of rules, and re-reading it each time cost 0.7 ms a test. So is its lower-cased
        // copy, which the case-insensitive tests read instead of lower-casing a field per test.
        const select =
          gate === "none"
            ? `SELECT rs.idx, e.id AS event_id, e.occurred_at AS t, (${keyCol(0)})::text AS k0, (${keyCol(1)})::text AS k1, (${keyCol(2)})::text AS k2
               FROM unnest($2::uuid[], $3::int[], $4::text[]) AS rs(source_id, idx, v)
               JOIN events e ON e.source_id = rs.source_id AND e.incident_id = $1${span}
               JOIN sources s ON s.id = e.source_id
               WHERE ${hit}`
            : `WITH ev AS MATERIALIZED (
                 SELECT e.id, e.occurred_at, e.source_id, ${EVENT_COLUMNS}, e.fields, ${MERGED} AS raw, lower((${MERGED})::text)::jsonb AS lraw
                 FROM events e WHERE e.incident_id = $1 AND e.source_id = ANY($2::uuid[])${narrow}${span})
               SELECT rs.idx, e.id AS event_id, e.occurred_at AS t, (${keyCol(0)})::text AS k0, (${keyCol(1)})::text AS k1, (${keyCol(2)})::text AS k2
               FROM unnest($2::uuid[], $3::int[], $4::text[]) AS rs(source_id, idx, v)
               JOIN ev e ON e.source_id = rs.source_id${on}
               JOIN sources s ON s.id = e.source_id
               WHERE ${hit}`;
        await tx.query(created ? `INSERT INTO ${BASE} ${select}` : `CREATE TEMP TABLE rule_base ON COMMIT DROP AS ${select}`, [
          incidentId,
          pairs.map(([src]) => src),
          pairs.map(([, idx]) => idx),
          pairs.map(([, , v]) => v),
          ...params.values(),
        ]);
        created = true;
      }
    }
  };
  // The pass reads every partition of the incident's events (one per import). Parallel Append
  // hands each worker whole partitions, so one process is left filtering a large import alone
  // (measured: 24 s against 17 s at a million); a plain Append of parallel scans shares every
  // partition's pages among the workers, as one table's scan did. JIT compiles a deform function
  // per partition in every worker (13 s of compiling at nine partitions) for a single pass.
  await tx.exec(`SET LOCAL enable_parallel_append = off; SET LOCAL jit = off`);
  const indexed = [...rules.entries()];
  if (sourceId) {
    await pass(indexed.filter(([, r]) => r.spec.kind !== "match"));
    await pass(
      indexed.filter(([, r]) => r.spec.kind === "match"),
      sourceId,
    );
  } else {
    await pass(indexed);
  }
  await tx.exec(`SET LOCAL enable_parallel_append TO DEFAULT; SET LOCAL jit TO DEFAULT`);
  if (!created)
    await tx.query(`CREATE TEMP TABLE rule_base (idx int, event_id bigint, t timestamptz, k0 text, k1 text, k2 text) ON COMMIT DROP`);
  const [n] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${BASE}`);
  await tx.query(`CREATE INDEX ON ${BASE} (idx, event_id)`);
  await tx.query(`ANALYZE ${BASE}`);
  return n?.n ?? 0;
}

/** The canonical columns a compiled rule may read (lib/chain/rules/predicate.ts). */
const EVENT_COLUMNS = CANONICAL_COLUMNS.map((c) => `e.${c}`).join(", ");
/** The record rules read: raw, with the fields parsed out of a record it carries as text merged in (they win). */
const MERGED = "CASE WHEN e.fields IS NULL THEN e.raw || '{}'::jsonb ELSE e.raw || e.fields END";

/** Which plain column a rule's gate joins on. */
function gateOf(r: LoadedRule): "actions" | "channels" | "none" {
  if (r.spec.gate?.actions?.length) return "actions";
  if (r.spec.gate?.channels?.length) return "channels";
  return "none";
}

/**
 * Postgres takes at most 65,535 parameters a statement; the whole SigmaHQ corpus compiles to
 * about 418,000. Rules go in chunks of at most this many of their own parameters.
 */
const PARAMS_PER_STATEMENT = 30_000;

function chunksUnderParamLimit(rules: [number, LoadedRule][]): [number, LoadedRule][][] {
  const chunks: [number, LoadedRule][][] = [];
  let current: [number, LoadedRule][] = [];
  let count = 0;
  for (const entry of rules) {
    const probe = new SqlParams(1);
    compilePredicate(entry[1].spec.where, probe, { foldedRaw: "e.lraw" });
    for (const k of ruleKeys(entry[1].spec)) keySql(k, probe);
    const n = probe.values().length;
    if (current.length > 0 && count + n > PARAMS_PER_STATEMENT) {
      chunks.push(current);
      current = [];
      count = 0;
    }
    current.push(entry);
    count += n;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

async function insertMatches(tx: Tx, incidentId: string, rule: LoadedRule, idx: number): Promise<number> {
  const params = new SqlParams(2);
  const ruleParam = params.add(rule.id);
  const select = compileRuleSelect(rule.spec, params, { base: { table: BASE, idx: params.add(idx) } });
  const rows = await tx.query<{ n: number }>(
    // $1 (the incident) types itself here: rules reading only the base table never mention it.
    `WITH incident AS (SELECT $1::uuid AS id), hits AS (INSERT INTO rule_matches (incident_id, rule_id, event_id)
       SELECT $1::uuid, ${ruleParam}::uuid, hit.id FROM (${select}) AS hit
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM hits`,
    [incidentId, ...params.values()],
  );
  return rows[0]?.n ?? 0;
}
