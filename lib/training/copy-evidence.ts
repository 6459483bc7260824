// Copies an incident's evidence into a trainee's workspace, and nothing that answers it: sources
// (what was imported, how much, which lines were rejected), events with their stage, technique and
// severity left out, entities and their links. No rule matches, annotations, chain, gaps or
// hypotheses. Events keep their line, and their source its label (its name, made unique), so the
// key's "file:line" names them.

import type { SqlRunner } from "@/lib/db/sql";
import { refreshEventHourly } from "@/lib/rollup/event-hourly";
import { SOURCE_LABELS_SQL } from "./source-labels";

export async function copyEvidence(tx: SqlRunner, from: string, to: string, importedBy: string): Promise<void> {
  // Dropped first: inside an outer transaction (a savepoint) ON COMMIT has not dropped an earlier one.
  await tx.query("DROP TABLE IF EXISTS copy_sources");
  await tx.query("CREATE TEMP TABLE copy_sources (old_id uuid PRIMARY KEY, new_id uuid NOT NULL, label text NOT NULL) ON COMMIT DROP");
  await tx.query(`INSERT INTO copy_sources SELECT id, gen_random_uuid(), label FROM (${SOURCE_LABELS_SQL}) labelled`, [from]);
  await tx.query(
    `INSERT INTO sources (id, incident_id, name, format, sha256, size_bytes, imported_by_id, imported_at, finished_at, status, error, options,
                          read_count, imported_count, duplicate_count, rejected_count, redacted_count, first_event_at, last_event_at, retention_days)
     SELECT m.new_id, $1, m.label, s.format, s.sha256, s.size_bytes, $2, s.imported_at, s.finished_at, s.status, s.error, s.options,
            s.read_count, s.imported_count, s.duplicate_count, s.rejected_count, s.redacted_count, s.first_event_at, s.last_event_at, s.retention_days
     FROM sources s JOIN copy_sources m ON m.old_id = s.id`,
    [to, importedBy],
  );
  await tx.query(
    `INSERT INTO import_issues (incident_id, source_id, line_number, reason, raw_line)
     SELECT $1, m.new_id, i.line_number, i.reason, i.raw_line FROM import_issues i JOIN copy_sources m ON m.old_id = i.source_id`,
    [to],
  );
  await tx.query(
    `INSERT INTO events (incident_id, source_id, occurred_at, timestamp_text, assumed_zone, timestamp_desc, action, category, outcome, actor, host,
                         src_ip, dst_ip, target, message, raw, fields, line_number, fingerprint)
     SELECT $2, m.new_id, e.occurred_at, e.timestamp_text, e.assumed_zone, e.timestamp_desc, e.action, e.category, e.outcome, e.actor, e.host,
            e.src_ip, e.dst_ip, e.target, e.message, e.raw, e.fields, e.line_number, e.fingerprint
     FROM events e JOIN copy_sources m ON m.old_id = e.source_id WHERE e.incident_id = $1 ORDER BY e.id`,
    [from, to],
  );
  await tx.query(
    `INSERT INTO entities (incident_id, kind, value, display_name, first_seen_at, last_seen_at)
     SELECT $2, kind, value, display_name, first_seen_at, last_seen_at FROM entities WHERE incident_id = $1`,
    [from, to],
  );
  // Links by what survives the copy: the event's fingerprint (unique per incident: the import's anti-join keeps it so) and the entity's kind and value.
  await tx.query(
    `INSERT INTO event_entities (incident_id, event_id, entity_id, role)
     SELECT $2, ne.id, nn.id, ee.role
     FROM event_entities ee
     JOIN events oe ON oe.incident_id = ee.incident_id AND oe.id = ee.event_id
     JOIN entities on_ ON on_.incident_id = ee.incident_id AND on_.id = ee.entity_id
     JOIN events ne ON ne.incident_id = $2 AND ne.fingerprint = oe.fingerprint
     JOIN entities nn ON nn.incident_id = $2 AND nn.kind = on_.kind AND nn.value = on_.value
     WHERE ee.incident_id = $1`,
    [from, to],
  );
  await refreshEventHourly(tx, to);
}
