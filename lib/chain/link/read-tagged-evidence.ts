import type { SqlRunner } from "@/lib/db/sql";
import { type Tie, tiesOf } from "./tie-keys";

/** A stage-tagged event with what the chain builder weighs: its rule, whether it shows success, what ties it. */
export type TaggedEvent = {
  id: number;
  stageId: string;
  at: number;
  sourceId: string;
  /** "hand" or the rule's key. */
  ruleKey: string;
  ruleName: string;
  /** What the record says happened (process-create, file-create, Sign-in): two actions are two kinds of evidence. */
  action: string | null;
  /** Tagged by hand, or by a rule whose matches show the step itself. */
  direct: boolean;
  /** The event records a failure (a refused sign-in): an attempt, not a success. */
  failed: boolean;
  ties: Tie[];
};

/**
 * Beyond this many tagged events the newest are left out of linking (they stay tagged and
 * findable by stage); a rule that tags this much is matching noise, and the chain says so.
 */
export const LINK_EVENT_LIMIT = 200_000;

const TIE_KINDS = ["account", "ip", "host", "process", "session", "app", "key", "mailbox", "file"];

/** The incident's tagged events, oldest first, with the rule behind each tag and the entities that tie it. */
export async function readTaggedEvidence(sql: SqlRunner, incidentId: string): Promise<{ events: TaggedEvent[]; truncated: boolean }> {
  const rows = await sql.query<{
    id: string;
    stage_id: string;
    at: Date;
    source_id: string;
    set_by: string;
    rule_name: string | null;
    evidence: string | null;
    outcome: string | null;
    action: string | null;
    host: string | null;
  }>(
    `SELECT e.id::text, e.stage_id, e.occurred_at AS at, e.source_id, e.stage_set_by AS set_by, r.name AS rule_name, r.evidence,
            e.outcome, e.action, e.host
     FROM events e LEFT JOIN LATERAL (
       SELECT name, evidence FROM rules WHERE 'rule:' || key = e.stage_set_by AND (incident_id IS NULL OR incident_id = e.incident_id)
       ORDER BY incident_id NULLS LAST LIMIT 1) r ON true
     WHERE e.incident_id = $1 AND e.stage_id IS NOT NULL
     ORDER BY e.occurred_at, e.id LIMIT $2`,
    [incidentId, LINK_EVENT_LIMIT + 1],
  );
  const truncated = rows.length > LINK_EVENT_LIMIT;
  const kept = truncated ? rows.slice(0, LINK_EVENT_LIMIT) : rows;
  const events = kept.map((r) => {
    const hand = r.set_by === "hand";
    return {
      id: Number(r.id),
      stageId: r.stage_id,
      at: new Date(r.at).getTime(),
      sourceId: r.source_id,
      ruleKey: hand ? "hand" : r.set_by.replace(/^rule:/, ""),
      ruleName: hand ? "Tagged by hand" : (r.rule_name ?? r.set_by),
      action: r.action,
      direct: hand || r.evidence !== "circumstantial",
      failed: /^fail/i.test(r.outcome ?? ""),
      ties: [] as Tie[],
      host: r.host,
    };
  });
  const index = new Map(events.map((e, i) => [e.id, i]));
  const links = await sql.query<{ event_id: string; kind: string; value: string; role: string }>(
    `SELECT ee.event_id::text, en.kind, en.value, ee.role FROM events e
     JOIN event_entities ee ON ee.incident_id = e.incident_id AND ee.event_id = e.id
     JOIN entities en ON en.incident_id = ee.incident_id AND en.id = ee.entity_id
     WHERE e.incident_id = $1 AND e.stage_id IS NOT NULL AND en.kind = ANY($2::text[])`,
    [incidentId, TIE_KINDS],
  );
  for (const l of links) {
    const i = index.get(Number(l.event_id));
    const e = i === undefined ? undefined : events[i];
    if (!e) continue;
    for (const t of tiesOf(l.kind, l.value, l.role, e.host)) if (!e.ties.some((x) => x.key === t.key)) e.ties.push(t);
  }
  return { events: events.map(({ host: _host, ...e }) => e), truncated };
}
