import { randomUUID } from "node:crypto";
import type { SqlRunner } from "@/lib/db/sql";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import type { CaseTable } from "./case-tables";

/** A row of the file and the line it was on (for errors). */
export type CaseRow = { line: number; row: Record<string, unknown> };

/**
 * What an import has renumbered so far: the file's uuids to the new incident's, and the file's
 * people to this instance's users. Event numbers live in the temporary table case_event_map.
 */
export type CaseIds = { ids: Map<string, string>; users: Map<string, string>; incidentId: string; fileName: string };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The event-number table of one import (temporary: gone with its transaction). */
export async function createEventMap(tx: SqlRunner): Promise<void> {
  await tx.exec("CREATE TEMPORARY TABLE case_event_map (old_id bigint PRIMARY KEY, new_id bigint NOT NULL) ON COMMIT DROP");
}

const columnCache = new Map<string, string[]>();
async function tableColumns(tx: SqlRunner, table: string): Promise<string[]> {
  const cached = columnCache.get(table);
  if (cached) return cached;
  const rows = await tx.query<{ c: string }>(
    "SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
    [table],
  );
  const cols = rows.map((r) => r.c);
  columnCache.set(table, cols);
  return cols;
}

function fail(ids: CaseIds, line: number, reason: string): never {
  throw new InvalidRequestError(`${ids.fileName}: line ${line}: ${reason}`);
}

/** Uuids of carried rows renumbered inside text or JSON; any other uuid (a log's own) stays. */
function renumberSoft(value: unknown, ids: CaseIds): unknown {
  if (value === null || value === undefined) return value;
  const swap = (text: string) => text.replace(UUID, (u) => ids.ids.get(u.toLowerCase()) ?? ids.users.get(u.toLowerCase()) ?? u);
  return typeof value === "string" ? swap(value) : JSON.parse(swap(JSON.stringify(value)));
}

/** One row renumbered for the new incident (its own uuid made fresh, its references mapped). */
function renumber(spec: CaseTable, { line, row }: CaseRow, ids: CaseIds): Record<string, unknown> {
  const out = { ...row };
  if (spec.id === "uuid") {
    const old = String(row.id ?? "").toLowerCase();
    if (!old) fail(ids, line, `a ${spec.table} row has no id`);
    if (ids.ids.has(old)) fail(ids, line, `${spec.table} ${old} appears twice`);
    const fresh = randomUUID();
    ids.ids.set(old, fresh);
    out.id = fresh;
  }
  for (const col of spec.refs ?? []) {
    const v = row[col];
    if (v === null || v === undefined) continue;
    const mapped = ids.ids.get(String(v).toLowerCase());
    if (!mapped) fail(ids, line, `${spec.table}.${col} refers to ${String(v).slice(0, 40)}, which the file does not hold before this line`);
    out[col] = mapped;
  }
  for (const col of spec.users ?? []) {
    const v = row[col];
    if (v === null || v === undefined) continue;
    const mapped = ids.users.get(String(v).toLowerCase());
    if (!mapped) fail(ids, line, `${spec.table}.${col} names a person the file's list of people does not hold`);
    out[col] = mapped;
  }
  for (const col of spec.soft ?? []) out[col] = renumberSoft(row[col], ids);
  return out;
}

/** The SQL for one column: event numbers go through the import's map, the rest as the file has it. */
function columnValue(spec: CaseTable, col: string): string {
  if (spec.id === "event" && col === "id") return "em.new_id";
  if (spec.eventRefs?.includes(col)) return `m_${col}.new_id`;
  // A citation of an event names it by number; an audit entry about an event, too.
  if (spec.table === "story_citations" && col === "ref")
    return `CASE WHEN r.kind = 'event' THEN (SELECT m.new_id::text FROM case_event_map m WHERE m.old_id::text = r.ref) ELSE r.ref END`;
  if (spec.table === "audit_entries" && col === "entity_id")
    return `CASE WHEN r.entity_type = 'Event' THEN coalesce((SELECT m.new_id::text FROM case_event_map m WHERE m.old_id::text = r.entity_id), r.entity_id) ELSE r.entity_id END`;
  return `r."${col}"`;
}

/**
 * Writes a batch of one table's rows into the new incident, renumbered. Every row must land: one
 * whose event the file does not hold is an error naming its lines, never a silent drop.
 */
export async function insertCaseRows(tx: SqlRunner, spec: CaseTable, batch: readonly CaseRow[], ids: CaseIds): Promise<number> {
  if (batch.length === 0) return 0;
  const rows = batch.map((r) => renumber(spec, r, ids));
  const first = batch[0]?.line ?? 0;
  const last = batch[batch.length - 1]?.line ?? 0;
  if (spec.id === "event") {
    await tx.query(
      `INSERT INTO case_event_map (old_id, new_id)
       SELECT (x->>'id')::bigint, nextval(pg_get_serial_sequence('events', 'id')) FROM jsonb_array_elements($1::jsonb) x`,
      [JSON.stringify(rows.map((r) => ({ id: r.id })))],
    );
  }
  const tableCols = await tableColumns(tx, spec.table);
  const present = new Set(Object.keys(rows[0] ?? {}));
  const cols = tableCols.filter((c) => c !== "incident_id" && present.has(c) && !(spec.id === "serial" && c === "id"));
  const hasIncident = tableCols.includes("incident_id");
  const joins = [
    spec.id === "event" ? "JOIN case_event_map em ON em.old_id = r.id" : "",
    ...(spec.eventRefs ?? []).map((c) => `JOIN case_event_map m_${c} ON m_${c}.old_id = r."${c}"`),
  ].join(" ");
  const sql = `WITH ins AS (
      INSERT INTO "${spec.table}" (${[...cols, ...(hasIncident ? ["incident_id"] : [])].map((c) => `"${c}"`).join(", ")})
      SELECT ${[...cols.map((c) => columnValue(spec, c)), ...(hasIncident ? ["$2::uuid"] : [])].join(", ")}
      FROM jsonb_populate_recordset(NULL::"${spec.table}", $1::jsonb) r ${joins}
      RETURNING 1)
    SELECT count(*)::int AS n FROM ins`;
  const params: unknown[] = [JSON.stringify(rows)];
  if (hasIncident) params.push(ids.incidentId);
  let n: number;
  try {
    const [res] = await tx.query<{ n: number }>(sql, params);
    n = res?.n ?? 0;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    fail(ids, first, `${spec.table} (lines ${first}–${last}) could not be written: ${reason}`);
  }
  if (n !== rows.length)
    fail(ids, first, `${rows.length - n} of the ${spec.table} rows on lines ${first}–${last} refer to events the file does not hold`);
  return n;
}
