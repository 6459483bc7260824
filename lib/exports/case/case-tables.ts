/**
 * What a case file holds, table by table, in the order an import must write it (every row's
 * references point at rows written before it). One list serves the export (what to read) and
 * the import (how each reference is renumbered into the new incident).
 *
 * Derived tables are not carried: the hourly rollup is rebuilt after import. Memberships and
 * invitations are not carried either: who may see the new incident is decided where it lands.
 */
/** The rows too many to renumber in memory: their old and new ids live in temporary tables. */
import { checkFigureSvg } from "@/lib/stories/figure-svg-check";

export type SqlMapped = "event" | "entity";

export type CaseTable = {
  table: string;
  /** Which rows belong to the incident ($1): a condition on the table's alias `t`, with joins when needed. */
  from: string;
  /**
   * The key the export pages by (keyset), unique per row: an index's columns after incident_id
   * (or the table's primary key), so each batch is an index range, not a sort of what is left.
   */
  key: readonly string[];
  /**
   * The row's own id: "uuid" gets a fresh one on import; "serial" is left to the sequence (the
   * id means nothing elsewhere); "event" and "entity" are renumbered in SQL, through the import's
   * temporary map tables: a million events and their entities are never held in memory.
   */
  id?: "uuid" | "serial" | SqlMapped;
  /**
   * A joined table's column equal to the key's first column, bounded by the keyset too, so the join
   * starts where the page does (without it, each page of event_entities rescans events from the start).
   */
  mirror?: string;
  /** Columns holding another carried row's uuid (must be in the file). */
  refs?: readonly string[];
  /** Columns holding an event's or an entity's id (renumbered in SQL through the map tables). */
  mapped?: Readonly<Record<string, SqlMapped>>;
  /** Columns holding a user's id (carried as the user's e-mail and name). */
  users?: readonly string[];
  /** Text or JSON columns whose uuids of carried rows are renumbered (story bodies' citation tokens, detail's source ids). */
  soft?: readonly string[];
  /** SQL for a column whose value names an event or entity by its old id inside text (`r` is the file's row). */
  columnSql?: Readonly<Record<string, string>>;
  /** What the app checks when a person enters a row, checked again when a file brings it: a problem, or null. */
  check?: (row: Record<string, unknown>) => string | null;
  /** Rows per export page, when not the default (events carry their raw record: a few kB each). */
  batch?: number;
  /** Its rows may be the instance's rather than the incident's (incident_id null): kept in the file, matched by key on import. */
  instanceWide?: true;
  /** Its rows name their person as a label, not an account here (the imported audit trail is another system's record). */
  relabelActor?: true;
};

const ofIncident = (table: string) => `FROM "${table}" t WHERE t.incident_id = $1`;
const viaSource = (table: string) => `FROM "${table}" t JOIN sources s ON s.id = t.source_id WHERE s.incident_id = $1`;
// Both sides name the incident, so each reads only the incident's own partition (events and links are partitioned by it).
const viaEvent = (table: string) =>
  `FROM "${table}" t JOIN events e ON e.incident_id = t.incident_id AND e.id = t.event_id WHERE e.incident_id = $1 AND t.incident_id = $1`;
const viaStep = (table: string) => `FROM "${table}" t JOIN chain_steps c ON c.id = t.step_id WHERE c.incident_id = $1`;

export const CASE_TABLES: readonly CaseTable[] = [
  { table: "stages", from: ofIncident("stages"), key: ["id"], id: "uuid" },
  { table: "sources", from: ofIncident("sources"), key: ["id"], id: "uuid", users: ["imported_by_id"], soft: ["options"] },
  { table: "import_issues", from: viaSource("import_issues"), key: ["id"], id: "serial", refs: ["source_id"] },
  { table: "entities", from: ofIncident("entities"), key: ["kind", "value"], id: "entity" },
  { table: "events", from: ofIncident("events"), key: ["occurred_at", "id"], id: "event", refs: ["source_id", "stage_id"], batch: 2_000 },
  {
    table: "event_entities",
    from: viaEvent("event_entities"),
    key: ["event_id", "entity_id", "role"],
    mirror: "e.id",
    mapped: { event_id: "event", entity_id: "entity" },
  },
  {
    table: "redaction_findings",
    from: viaSource("redaction_findings"),
    key: ["id"],
    id: "serial",
    refs: ["source_id"],
    mapped: { event_id: "event" },
  },
  // The incident's own rules, and the instance-wide rules that matched its events (found by key on import).
  {
    table: "rules",
    from: `FROM rules t WHERE t.incident_id = $1
           OR (t.incident_id IS NULL AND t.id IN (SELECT rm.rule_id FROM rule_matches rm WHERE rm.incident_id = $1))`,
    key: ["id"],
    id: "uuid",
    instanceWide: true,
  },
  { table: "rule_matches", from: viaEvent("rule_matches"), key: ["rule_id", "event_id"], refs: ["rule_id"], mapped: { event_id: "event" } },
  { table: "chains", from: ofIncident("chains"), key: ["id"], id: "uuid", soft: ["detail"] },
  { table: "chain_steps", from: ofIncident("chain_steps"), key: ["id"], id: "uuid", refs: ["chain_id", "stage_id"], soft: ["detail"] },
  { table: "chain_links", from: ofIncident("chain_links"), key: ["id"], id: "uuid", refs: ["from_step_id", "to_step_id"] },
  {
    table: "chain_step_confidence",
    from: viaStep("chain_step_confidence"),
    key: ["id"],
    id: "serial",
    refs: ["step_id"],
    users: ["changed_by_id"],
  },
  {
    table: "chain_step_events",
    from: viaStep("chain_step_events"),
    key: ["step_id", "event_id"],
    refs: ["step_id"],
    mapped: { event_id: "event" },
  },
  { table: "hypotheses", from: ofIncident("hypotheses"), key: ["id"], id: "uuid" },
  {
    table: "chain_step_hypotheses",
    from: viaStep("chain_step_hypotheses"),
    key: ["step_id", "hypothesis_id"],
    refs: ["step_id", "hypothesis_id"],
  },
  {
    table: "hypothesis_evidence",
    from: `FROM hypothesis_evidence t JOIN hypotheses h ON h.id = t.hypothesis_id WHERE h.incident_id = $1`,
    key: ["hypothesis_id", "event_id"],
    refs: ["hypothesis_id"],
    mapped: { event_id: "event" },
  },
  { table: "gaps", from: ofIncident("gaps"), key: ["id"], id: "uuid", refs: ["source_id"], soft: ["detail"] },
  { table: "gap_chain_steps", from: viaStep("gap_chain_steps"), key: ["gap_id", "step_id"], refs: ["gap_id", "step_id"] },
  { table: "annotations", from: ofIncident("annotations"), key: ["id"], id: "uuid", mapped: { event_id: "event" }, users: ["author_id"] },
  { table: "stories", from: ofIncident("stories"), key: ["id"], id: "uuid", users: ["author_id"] },
  // Citations before versions: a version's text names its citations by id ([[cite:…]]).
  {
    table: "story_citations",
    from: ofIncident("story_citations"),
    key: ["id"],
    id: "uuid",
    refs: ["story_id"],
    users: ["cited_by_id"],
    soft: ["ref"],
    // A citation names an event by number and an entity by uuid (guarded casts: the maps are looked up by key).
    columnSql: {
      ref: `CASE WHEN r.kind = 'event' AND r.ref ~ '^[0-9]{1,18}$' THEN (SELECT m.new_id::text FROM case_event_map m WHERE m.old_id = r.ref::bigint)
                 WHEN r.kind = 'entity' AND r.ref ~* '^[0-9a-f-]{36}$' THEN (SELECT m.new_id::text FROM case_entity_map m WHERE m.old_id = r.ref::uuid)
                 ELSE r.ref END`,
    },
    // A figure is only shapes and text (the Word export embeds it as it is).
    check: (row) => {
      if (row.kind !== "figure") return null;
      const svg = (row.frozen as { svg?: unknown } | null)?.svg;
      return typeof svg === "string" ? checkFigureSvg(svg) : "a figure citation without its picture";
    },
  },
  {
    table: "story_versions",
    from: ofIncident("story_versions"),
    key: ["id"],
    id: "uuid",
    refs: ["story_id"],
    users: ["created_by_id", "updated_by_id", "submitted_by_id", "approved_by_id", "published_by_id"],
    soft: ["body"],
  },
  {
    table: "action_items",
    from: ofIncident("action_items"),
    key: ["id"],
    id: "uuid",
    refs: ["story_id"],
    users: ["created_by_id"],
    check: (row) =>
      row.ticket_url != null && !/^https?:\/\/[^\s]+$/i.test(String(row.ticket_url)) ? "a ticket link is an http(s) address" : null,
  },
  { table: "brief_assessments", from: ofIncident("brief_assessments"), key: ["id"], id: "uuid", users: ["entered_by_id"] },
  // The trail as it was written: what each entry recorded stays as recorded; its subject is renumbered.
  {
    table: "audit_entries",
    from: ofIncident("audit_entries"),
    key: ["at", "id"],
    id: "serial",
    users: ["actor_id"],
    soft: ["entity_id"],
    relabelActor: true,
    columnSql: {
      entity_id: `CASE WHEN r.entity_type = 'Event' AND r.entity_id ~ '^[0-9]{1,18}$'
                 THEN coalesce((SELECT m.new_id::text FROM case_event_map m WHERE m.old_id = r.entity_id::bigint), r.entity_id) ELSE r.entity_id END`,
    },
  },
];

/** Every column of a case table that holds a user's id, for the export's list of people. */
export function userColumns(): { table: string; from: string; column: string }[] {
  return CASE_TABLES.flatMap((t) => (t.users ?? []).map((column) => ({ table: t.table, from: t.from, column })));
}
