import type { SqlRunner } from "@/lib/db/sql";

/** What the events tagged with one stage add up to. */
export type StageEvidence = {
  stageId: string;
  count: number;
  /** Events tagged by hand or by a rule whose matches are direct evidence. */
  directCount: number;
  /** Of the direct events, those that record a failure (a refused sign-in shows an attempt, not access). */
  failedCount?: number;
  /** Distinct kinds of direct evidence (rule and recorded action): a process start and the dump file it wrote are two. */
  kindCount?: number;
  firstAt: Date;
  lastAt: Date;
  rules: { key: string; name: string; evidence: string; count: number }[];
  sourceIds: string[];
};

/** Per stage: counts, span, the rules behind the tags, the sources the evidence came from. */
export async function readStageEvidence(sql: SqlRunner, incidentId: string): Promise<Map<string, StageEvidence>> {
  const rows = await sql.query<{
    stage_id: string;
    set_by: string;
    rule_name: string | null;
    evidence: string | null;
    n: number;
    first_at: Date;
    last_at: Date;
    source_ids: string[];
  }>(
    `SELECT e.stage_id, e.stage_set_by AS set_by, r.name AS rule_name, r.evidence, count(*)::int AS n,
            min(e.occurred_at) AS first_at, max(e.occurred_at) AS last_at, array_agg(DISTINCT e.source_id::text) AS source_ids
     FROM events e LEFT JOIN LATERAL (
       SELECT name, evidence FROM rules WHERE 'rule:' || key = e.stage_set_by AND (incident_id IS NULL OR incident_id = e.incident_id)
       ORDER BY incident_id NULLS LAST LIMIT 1) r ON true
     WHERE e.incident_id = $1 AND e.stage_id IS NOT NULL
     GROUP BY e.stage_id, e.stage_set_by, r.name, r.evidence`,
    [incidentId],
  );
  const out = new Map<string, StageEvidence>();
  for (const row of rows) {
    const first = new Date(row.first_at);
    const last = new Date(row.last_at);
    const cur = out.get(row.stage_id) ?? {
      stageId: row.stage_id,
      count: 0,
      directCount: 0,
      firstAt: first,
      lastAt: last,
      rules: [],
      sourceIds: [],
    };
    const direct = row.set_by === "hand" || row.evidence !== "circumstantial";
    cur.count += row.n;
    if (direct) cur.directCount += row.n;
    if (first < cur.firstAt) cur.firstAt = first;
    if (last > cur.lastAt) cur.lastAt = last;
    cur.rules.push({
      key: row.set_by === "hand" ? "hand" : row.set_by.replace(/^rule:/, ""),
      name: row.set_by === "hand" ? "Tagged by hand" : (row.rule_name ?? row.set_by),
      evidence: direct ? "direct" : "circumstantial",
      count: row.n,
    });
    cur.sourceIds = [...new Set([...cur.sourceIds, ...row.source_ids])];
    out.set(row.stage_id, cur);
  }
  return out;
}
