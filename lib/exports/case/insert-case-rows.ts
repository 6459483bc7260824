import { randomUUID } from "node:crypto";
import type { SqlRunner } from "@/lib/db/sql";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import type { CaseTable, SqlMapped } from "./case-tables";

/** A row of the file and the line it was on (for errors). */
export type CaseRow = { line: number; row: Record<string, unknown> };

/**
 * What an import has renumbered so far: the file's uuids to the new incident's, and the file's
 * people to this instance's users. Events' and entities' ids live in the temporary map tables.
 */
export type CaseIds = {
  ids: Map<string, string>;
  users: Map<string, string>;
  /** Each person of the file as "Name <e-mail>", for the imported audit trail's labels. */
  labels: Map<string, string>;
  incidentId: string;
  fileName: string;
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Where an import keeps the old and new ids of the rows renumbered in SQL, and how a new id is made. */
const MAPS: Record<SqlMapped, { table: string; type: string; fresh: string }> = {
  event: { table: "case_event_map", type: "bigint", fresh: "nextval(pg_get_serial_sequence('events', 'id'))" },
  entity: { table: "case_entity_map", type: "uuid", fresh: "gen_random_uuid()" },
};

/** The map tables of one import (temporary: gone with its transaction). */
export async function createIdMaps(tx: SqlRunner): Promise<void> {
  for (const m of Object.values(MAPS))
    await tx.exec(`CREATE TEMPORARY TABLE ${m.table} (old_id ${m.type} PRIMARY KEY, new_id ${m.type} NOT NULL) ON COMMIT DROP`);
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
  const problem = spec.check?.(row);
  if (problem) fail(ids, line, `${spec.table}: ${problem}`);
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
  if (spec.relabelActor) {
    const who = row.actor_id ? ids.labels.get(String(row.actor_id).toLowerCase()) : undefined;
    out.actor_id = null;
    out.actor_label = `${who ?? (typeof row.actor_label === "string" ? row.actor_label : "unknown")} (case file)`;
  }
  return out;
}

/** The SQL for one column: events' and entities' ids go through the import's maps, the rest as the file has it. */
function columnValue(spec: CaseTable, col: string): string {
  if ((spec.id === "event" || spec.id === "entity") && col === "id") return "own.new_id";
  if (spec.mapped?.[col]) return `m_${col}.new_id`;
  const custom = spec.columnSql?.[col];
  if (custom) return custom;
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
  const own = spec.id === "event" || spec.id === "entity" ? MAPS[spec.id] : null;
  if (own) {
    // A repeated id breaks the map's primary key: the batch's lines are named below.
    await tx
      .query(
        `INSERT INTO ${own.table} (old_id, new_id) SELECT (x->>'id')::${own.type}, ${own.fresh} FROM jsonb_array_elements($1::jsonb) x`,
        [JSON.stringify(rows.map((r) => ({ id: r.id })))],
      )
      .catch((err: unknown) =>
        fail(ids, first, `${spec.table} on lines ${first}–${last}: ${err instanceof Error ? err.message : String(err)}`),
      );
  }
  const tableCols = await tableColumns(tx, spec.table);
  // Every column any row of the batch names (a row without one gets NULL, which a NOT NULL column refuses).
  const present = new Set(rows.flatMap((r) => Object.keys(r)));
  const cols = tableCols.filter((c) => c !== "incident_id" && present.has(c) && !(spec.id === "serial" && c === "id"));
  const hasIncident = tableCols.includes("incident_id");
  const joins = [
    own ? `JOIN ${own.table} own ON own.old_id = r.id` : "",
    ...Object.entries(spec.mapped ?? {}).map(([c, kind]) => `JOIN ${MAPS[kind].table} m_${c} ON m_${c}.old_id = r."${c}"`),
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
    fail(
      ids,
      first,
      `${rows.length - n} of the ${spec.table} rows on lines ${first}–${last} refer to events or entities the file does not hold`,
    );
  return n;
}
