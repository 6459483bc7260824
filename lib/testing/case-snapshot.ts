import { isoMicros } from "@/lib/db/iso-micros";
import type { SqlRunner } from "@/lib/db/sql";

/**
 * An incident as its content, with every id replaced by what it names (an event by its source
 * and line, a step by its title, a citation by what it froze): two incidents with the same
 * evidence, chain, gaps and stories have equal snapshots whatever their ids. For the case-file
 * round trip's test, and for anyone checking an import by hand.
 */
export async function caseSnapshot(sql: SqlRunner, incidentId: string) {
  const q = async (text: string) =>
    (await sql.query<{ v: unknown }>(`SELECT coalesce(jsonb_agg(x ORDER BY x::text), '[]') AS v FROM (${text}) x`, [incidentId]))[0]?.v;
  const ev = (alias: string) =>
    `(SELECT es.name || ':' || ee.line_number || ':' || ee.fingerprint FROM events ee JOIN sources es ON es.id = ee.source_id WHERE ee.id = ${alias} AND ee.incident_id = $1)`;
  // jsonb_agg over a subquery, ordered by the value itself (an aggregate's ORDER BY 1 orders by the constant).
  const agg = (expr: string, from: string) => `(SELECT jsonb_agg(v ORDER BY v) FROM (SELECT ${expr} AS v ${from}) z)`;
  const step = (alias: string) =>
    `(SELECT cs.title || ' @' || coalesce(${isoMicros("cs.start_at")}, '?') FROM chain_steps cs WHERE cs.id = ${alias} AND cs.incident_id = $1)`;
  return {
    sources: await q(`SELECT name, format, sha256, size_bytes, status, read_count, imported_count, duplicate_count, rejected_count,
        redacted_count, ${isoMicros("first_event_at")} AS first, ${isoMicros("last_event_at")} AS last, retention_days
      FROM sources WHERE incident_id = $1`),
    events: await q(`SELECT ${ev("e.id")} AS at, ${isoMicros("e.occurred_at")} AS t, e.timestamp_text, e.assumed_zone, e.timestamp_desc,
        e.action, e.category, e.outcome, e.actor, e.host, host(e.src_ip) AS src, host(e.dst_ip) AS dst, e.target, e.message, e.raw, e.fields,
        st.key AS stage, e.technique, e.severity, e.stage_set_by,
        (SELECT jsonb_agg(en.kind || '=' || en.value || '/' || xe.role ORDER BY en.kind, en.value, xe.role)
           FROM event_entities xe JOIN entities en ON en.id = xe.entity_id WHERE xe.incident_id = e.incident_id AND xe.event_id = e.id) AS entities,
        (SELECT jsonb_agg(r.key ORDER BY r.key) FROM rule_matches rm JOIN rules r ON r.id = rm.rule_id WHERE rm.incident_id = e.incident_id AND rm.event_id = e.id) AS rules
      FROM events e LEFT JOIN stages st ON st.id = e.stage_id WHERE e.incident_id = $1`),
    steps:
      await q(`SELECT ch.kind AS chain, ch.ordinal, ch.title AS chain_title, st.key AS stage, c.title, ${isoMicros("c.start_at")} AS start,
        ${isoMicros("c.end_at")} AS "end", c.confidence, c.confidence_score, c.rationale, c.is_inferred, c.position, c.origin, c.time_precision,
        c.event_count, c.detail - 'sourceIds' AS detail,
        -- the sources a step's detail names, by name: their ids are renumbered inside the JSON
        (SELECT jsonb_agg(s.name ORDER BY s.name) FROM sources s
           WHERE s.incident_id = $1 AND s.id::text IN (SELECT jsonb_array_elements_text(c.detail->'sourceIds'))) AS detail_sources,
        ${agg(`${ev("x.event_id")} || ':' || x.is_key`, "FROM chain_step_events x WHERE x.step_id = c.id")} AS evidence,
        (SELECT jsonb_agg(jsonb_build_array(h.confidence, h.confidence_score, h.rationale, ${isoMicros("h.effective_at")}, h.origin, h.citation,
           h.attributed_to, h.cited_on, u.email) ORDER BY h.effective_at, h.id) FROM chain_step_confidence h JOIN users u ON u.id = h.changed_by_id
           WHERE h.step_id = c.id) AS history
      FROM chain_steps c JOIN stages st ON st.id = c.stage_id LEFT JOIN chains ch ON ch.id = c.chain_id WHERE c.incident_id = $1`),
    links: await q(`SELECT ${step("l.from_step_id")} AS "from", ${step("l.to_step_id")} AS "to", l.origin, l.kind, l.ties, l.rationale
      FROM chain_links l WHERE l.incident_id = $1`),
    gaps: await q(`SELECT coalesce(s.name, g.scope) AS scope, ${isoMicros("g.start_at")} AS start, ${isoMicros("g.end_at")} AS "end", g.reason,
        g.origin, g.description, g.detail, ${agg(step("x.step_id"), "FROM gap_chain_steps x WHERE x.gap_id = g.id")} AS steps
      FROM gaps g LEFT JOIN sources s ON s.id = g.source_id WHERE g.incident_id = $1`),
    hypotheses: await q(`SELECT h.title, h.status, h.description, h.source,
        ${agg(step("x.step_id"), "FROM chain_step_hypotheses x WHERE x.hypothesis_id = h.id")} AS steps,
        ${agg(`${ev("x.event_id")} || ':' || x.stance || ':' || x.note`, "FROM hypothesis_evidence x WHERE x.hypothesis_id = h.id")} AS evidence
      FROM hypotheses h WHERE h.incident_id = $1`),
    annotations:
      await q(`SELECT ${ev("a.event_id")} AS event, a.kind, a.value, u.email FROM annotations a JOIN users u ON u.id = a.author_id
      WHERE a.incident_id = $1`),
    stories: await q(`SELECT s.title, s.audience, s.template, u.email,
        (SELECT jsonb_agg(jsonb_build_array(v.number, v.title, v.status, v.revision,
           -- a citation token names a citation by id: compare what it cites instead
           (SELECT coalesce(string_agg(part, '' ORDER BY n), '') FROM (
              SELECT n, CASE WHEN n % 2 = 0 THEN (SELECT c.kind || ':' || c.frozen::text FROM story_citations c WHERE c.id::text = part AND c.story_id = s.id) ELSE part END AS part
              FROM regexp_split_to_table(regexp_replace(v.body, '\\[\\[cite:([0-9a-f-]{36})\\]\\]', '\u0001\\1\u0001', 'g'), '\u0001')
                WITH ORDINALITY AS p(part, n)) y)) ORDER BY v.number)
         FROM story_versions v WHERE v.story_id = s.id) AS versions,
        (SELECT jsonb_agg(jsonb_build_array(c.kind, c.frozen,
           CASE c.kind WHEN 'event' THEN ${ev("c.ref::bigint")} WHEN 'step' THEN ${step("c.ref::uuid")}
             WHEN 'entity' THEN (SELECT en.kind || '=' || en.value FROM entities en WHERE en.id = c.ref::uuid AND en.incident_id = $1) ELSE NULL END) ORDER BY c.kind, c.frozen::text)
         FROM story_citations c WHERE c.story_id = s.id) AS citations
      FROM stories s JOIN users u ON u.id = s.author_id WHERE s.incident_id = $1`),
    actionItems: await q(`SELECT a.title, a.kind, a.owner, a.due_on, a.status, a.ticket_url, s.title AS story
      FROM action_items a LEFT JOIN stories s ON s.id = a.story_id WHERE a.incident_id = $1`),
    briefs: await q(`SELECT ${isoMicros("b.effective_at")} AS at, b.priority, b.functional_impact, b.information_impact, b.recoverability,
        b.summary, b.decisions FROM brief_assessments b WHERE b.incident_id = $1`),
    // Who: the imported trail names its people in labels (lib/exports/case/insert-case-rows.ts), so compared apart.
    audit: await q(
      `SELECT a.action, a.entity_type, ${isoMicros("a.at")} AS at, a.before, a.after FROM audit_entries a WHERE a.incident_id = $1`,
    ),
  };
}
