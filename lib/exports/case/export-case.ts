import { createHash } from "node:crypto";
import { authorize } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { inReadSnapshot } from "@/lib/db/read-snapshot";
import type { SqlRunner } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors/not-found";
import { APP_VERSION } from "@/lib/version";
import { CASE_TABLES, type CaseTable, userColumns } from "./case-tables";

/** The case file's format: an importer refuses a version it does not know. */
export const CASE_FILE_VERSION = 1;
export const CASE_FILE_KIND = "chainline-case-file";

/** Rows per round trip (a table's spec may say fewer): a million events are read a batch at a time, never held whole. */
const BATCH = 5_000;

/**
 * Every row of one table that belongs to the incident, as Postgres writes it as JSON (times to
 * the microsecond, with their offset), in key order, a batch at a time by keyset.
 */
async function* tableRows(sql: SqlRunner, incidentId: string, spec: CaseTable): AsyncGenerator<string[]> {
  const key = spec.key.map((k) => `t."${k}"`).join(", ");
  // The incident's id says nothing in another incident; a rule keeps it to say whether it was the instance's.
  // As text: Postgres writes the JSON once; parsing and re-writing it here would double the work.
  const row = spec.instanceWide ? "to_jsonb(t)::text" : "(to_jsonb(t) - 'incident_id')::text";
  const limit = spec.batch ?? BATCH;
  let after: unknown[] | null = null;
  for (;;) {
    const params: unknown[] = [incidentId];
    let where = "";
    if (after) {
      const marks = after.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      where = ` AND (${key}) > (${marks.join(", ")})${spec.mirror ? ` AND ${spec.mirror} >= ${marks[0]}` : ""}`;
    }
    // The alias t is the table's own; its from-clause may join others to find the incident's rows.
    // The batch is chosen first and only its rows are written as JSON, whatever plan stale statistics pick.
    const text = `SELECT ${row} AS r, ${spec.key.map((k, i) => `t."${k}"::text AS k${i}`).join(", ")}
                 FROM (SELECT t.* ${spec.from.replace(/WHERE/, "WHERE (")}) ${where} ORDER BY ${key} LIMIT ${limit}) t
                 ORDER BY ${key}`;
    const rows = await sql.query<Record<string, unknown>>(text, params);
    if (rows.length === 0) return;
    yield rows.map((r) => r.r as string);
    const last = rows[rows.length - 1] as Record<string, unknown>;
    after = spec.key.map((_, i) => last[`k${i}`]);
    if (rows.length < limit) return;
  }
}

/** The people the incident's rows name (authors, importers, reviewers), by e-mail: ids differ between instances. */
async function people(sql: SqlRunner, incidentId: string) {
  const union = [
    "SELECT created_by_id AS id FROM incidents WHERE id = $1",
    ...userColumns().map((u) => `SELECT t."${u.column}" AS id ${u.from}`),
  ].join(" UNION ");
  return sql.query<{ id: string; email: string; name: string }>(
    `SELECT u.id, u.email, u.name FROM users u WHERE u.id IN (${union}) ORDER BY u.email`,
    [incidentId],
  );
}

export type CaseFileProgress = (table: string, rows: number) => void;

/**
 * The whole incident as a case file: JSON lines, the header first (format, the incident itself),
 * then the people it names, then every row of every carried table, then a trailer with the count
 * per table and the SHA-256 of every line before it, so a cut or altered file is refused on import.
 */
export async function* caseFileChunks(ctx: Ctx, incidentId: string, onRows?: CaseFileProgress): AsyncGenerator<string> {
  await authorize(ctx, incidentId, "evidence.view");
  await authorize(ctx, incidentId, "stories.view");
  // One snapshot for the whole file: rows written meanwhile (a chain rebuilt) cannot leave it inconsistent.
  yield* inReadSnapshot(ctx.db.sql, (tx) => caseFileBody(tx, ctx.actor.email, incidentId, onRows));
}

async function* caseFileBody(sql: SqlRunner, exportedBy: string, incidentId: string, onRows?: CaseFileProgress): AsyncGenerator<string> {
  // Every page must walk an index. Right after a large import the statistics are stale and the
  // planner would sort all that is left at every page: a million-event export became quadratic.
  await sql.query("SET LOCAL enable_sort = off");
  await sql.query("SET LOCAL enable_bitmapscan = off");
  const [incident] = await sql.query<Record<string, unknown>>("SELECT to_jsonb(i) AS r FROM incidents i WHERE i.id = $1", [incidentId]);
  if (!incident) throw new NotFoundError(`no incident ${incidentId}`);
  const hash = createHash("sha256");
  const counts: Record<string, number> = {};
  const rawLine = (json: string) => {
    const text = `${json}\n`;
    hash.update(text, "utf8");
    return text;
  };
  const line = (value: unknown) => rawLine(JSON.stringify(value));
  yield line({
    kind: CASE_FILE_KIND,
    version: CASE_FILE_VERSION,
    chainline: APP_VERSION,
    exportedAt: new Date().toISOString(),
    exportedBy,
    incident: incident.r,
  });
  const users = await people(sql, incidentId);
  let chunk = "";
  for (const u of users) chunk += line({ kind: "user", ...u });
  counts.users = users.length;
  yield chunk;
  for (const spec of CASE_TABLES) {
    counts[spec.table] = 0;
    for await (const rows of tableRows(sql, incidentId, spec)) {
      chunk = "";
      const head = `{"kind":"row","table":${JSON.stringify(spec.table)},"row":`;
      for (const r of rows) chunk += rawLine(`${head}${r}}`);
      counts[spec.table] = (counts[spec.table] ?? 0) + rows.length;
      onRows?.(spec.table, rows.length);
      yield chunk;
    }
  }
  yield `${JSON.stringify({ kind: "end", counts, sha256: hash.digest("hex") })}\n`;
}
