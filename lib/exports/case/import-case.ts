import { createHash } from "node:crypto";
import { assertMayWrite } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { refreshEventHourly } from "@/lib/rollup/event-hourly";
import { CASE_TABLES, type CaseTable } from "./case-tables";
import { CASE_FILE_KIND, CASE_FILE_VERSION } from "./export-case";
import { type CaseIds, type CaseRow, createIdMaps, insertCaseRows } from "./insert-case-rows";

/** Rows written per statement: a few MB of JSON, so a million events go in a few hundred round trips. */
const BATCH = 2_000;

export type CaseImportResult = {
  incidentId: string;
  title: string;
  /** Rows written per table. */
  counts: Record<string, number>;
  /** People the file names who had no account here: added as disabled accounts, so authorship is kept (an admin's import only). */
  addedPeople: string[];
  /** Whether the file's people were matched to accounts here (the admin's import) or all stand for the importer. */
  peopleMatched: boolean;
  sha256: string;
};

type Header = { kind: string; version: number; incident: Record<string, unknown> };

/**
 * The file's people as this instance's users. Only the instance admin's import matches them by
 * e-mail (adding those with no account here as disabled accounts, kept as authors, unable to
 * sign in until enabled): anyone else could otherwise credit a colleague with words and approvals
 * they never gave, or take their address. Another importer's file has every person stand for the
 * importer; the names stay in the file, and in the imported audit trail's labels.
 */
async function mapPerson(
  tx: SqlRunner,
  ctx: Ctx,
  ids: CaseIds,
  added: string[],
  p: { id?: unknown; email?: unknown; name?: unknown },
  line: number,
) {
  if (typeof p.id !== "string" || typeof p.email !== "string" || !p.email.includes("@"))
    throw new InvalidRequestError(`${ids.fileName}: line ${line}: a person needs an id and an e-mail address`);
  const name = typeof p.name === "string" && p.name ? p.name.slice(0, 200) : p.email;
  ids.labels.set(p.id.toLowerCase(), `${name} <${p.email.slice(0, 200)}>`);
  if (!ctx.actor.isAdmin) {
    ids.users.set(p.id.toLowerCase(), ctx.actor.userId);
    return;
  }
  const [found] = await tx.query<{ id: string }>("SELECT id FROM users WHERE lower(email) = lower($1)", [p.email]);
  let id = found?.id;
  if (!id) {
    const [made] = await tx.query<{ id: string }>("INSERT INTO users (email, name, disabled_at) VALUES ($1, $2, now()) RETURNING id", [
      p.email,
      name,
    ]);
    id = made?.id as string;
    added.push(p.email);
  }
  ids.users.set(p.id.toLowerCase(), id);
}

/** An instance-wide rule the file carries is this instance's rule of the same key when there is one. */
async function mapInstanceRules(tx: SqlRunner, rows: CaseRow[], ids: CaseIds): Promise<CaseRow[]> {
  const own: CaseRow[] = [];
  for (const r of rows) {
    if (r.row.incident_id !== null) {
      own.push(r);
      continue;
    }
    const [found] = await tx.query<{ id: string }>("SELECT id FROM rules WHERE incident_id IS NULL AND key = $1", [r.row.key]);
    if (found) ids.ids.set(String(r.row.id).toLowerCase(), found.id);
    else own.push(r); // not here: it comes in as the incident's own rule
  }
  return own;
}

/** The reader's errors (a cut gzip stream, bytes that are not UTF-8, a line without end) with the file's name. */
async function* named(lines: AsyncIterable<string>, fileName: string): AsyncGenerator<string> {
  try {
    yield* lines;
  } catch (err) {
    if (err instanceof InvalidRequestError) throw new InvalidRequestError(`${fileName}: ${err.message}`);
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("Z_"))
      throw new InvalidRequestError(`${fileName}: not a whole gzip file (${(err as Error).message})`);
    if (code === "ERR_ENCODING_INVALID_ENCODED_DATA") throw new InvalidRequestError(`${fileName}: not UTF-8 text`);
    throw err;
  }
}

/**
 * Makes a new incident from a case file (lines as caseFileChunks wrote them), in one transaction:
 * a file that is cut short, altered, out of order or refers to rows it does not hold is refused
 * with its line and reason, and nothing of it is kept. The actor becomes the new incident's owner.
 */
export async function importCaseFile(
  ctx: Ctx,
  lines: AsyncIterable<string>,
  opts: { fileName: string; title?: string },
): Promise<CaseImportResult> {
  assertMayWrite(ctx);
  const fileName = opts.fileName;
  const bad = (line: number, reason: string) => new InvalidRequestError(`${fileName}: line ${line}: ${reason}`);
  return ctx.db.sql.transaction(async (tx) => {
    const hash = createHash("sha256");
    const ids: CaseIds = { ids: new Map(), users: new Map(), labels: new Map(), incidentId: "", fileName };
    const added: string[] = [];
    const counts: Record<string, number> = {};
    let header: Header | null = null;
    type Trailer = { counts?: Record<string, number>; sha256?: string };
    let trailer: Trailer | null = null;
    let tableIndex = -1;
    let batch: CaseRow[] = [];
    let lineNo = 0;

    const flush = async () => {
      const spec = CASE_TABLES[tableIndex] as CaseTable;
      const rows = spec.instanceWide ? await mapInstanceRules(tx, batch, ids) : batch;
      counts[spec.table] = (counts[spec.table] ?? 0) + (await insertCaseRows(tx, spec, rows, ids)) + (batch.length - rows.length);
      batch = [];
    };
    const startIncident = async () => {
      const inc = header?.incident ?? {};
      let title = (opts.title?.trim() || String(inc.title ?? "Imported incident")).slice(0, 200);
      const zone = typeof inc.time_zone === "string" ? inc.time_zone : "UTC";
      if (zone !== "UTC" && !Intl.supportedValuesOf("timeZone").includes(zone))
        throw bad(1, `the incident's time zone "${zone.slice(0, 60)}" is not one`);
      // Two incidents of one title would be told apart by id only (and the demo is found by its title).
      const [taken] = await tx.query("SELECT 1 FROM incidents WHERE title = $1 LIMIT 1", [title]);
      if (taken) title = `${title} (imported ${new Date().toISOString().slice(0, 10)})`;
      const [row] = await tx.query<{ id: string; title: string }>(
        `INSERT INTO incidents (title, summary, status, time_zone, created_by_id)
         VALUES ($1, $2, coalesce($3::incident_status, 'open'), coalesce($4, 'UTC'), $5) RETURNING id, title`,
        [title, String(inc.summary ?? ""), inc.status ?? null, zone, ctx.actor.userId],
      );
      ids.incidentId = row?.id as string;
      await tx.query("INSERT INTO memberships (user_id, incident_id, role) VALUES ($1, $2, 'owner')", [ctx.actor.userId, ids.incidentId]);
      // The old incident's id inside texts (an audit entry's subject) names the new one.
      if (typeof inc.id === "string") ids.ids.set(inc.id.toLowerCase(), ids.incidentId);
      await createIdMaps(tx);
    };

    for await (const text of named(lines, fileName)) {
      lineNo++;
      if (trailer) throw bad(lineNo, "there is more after the file's closing line");
      if (text.trim() === "") continue;
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(text);
      } catch {
        throw bad(lineNo, "not a JSON line");
      }
      if (lineNo === 1) {
        if (value.kind !== CASE_FILE_KIND) throw bad(1, "not a Chainline case file (its first line does not say so)");
        if (value.version !== CASE_FILE_VERSION)
          throw bad(1, `case file version ${String(value.version)}: this Chainline reads version ${CASE_FILE_VERSION}`);
        header = value as Header;
      } else if (value.kind === "end") {
        trailer = value as Trailer;
        continue; // the closing line is not part of what its hash covers
      } else if (value.kind === "user") {
        if (tableIndex >= 0 || ids.incidentId) throw bad(lineNo, "people come before the incident's rows");
        await mapPerson(tx, ctx, ids, added, value, lineNo);
      } else if (value.kind === "row") {
        if (!ids.incidentId) await startIncident();
        const at = CASE_TABLES.findIndex((t) => t.table === value.table);
        if (at < 0) throw bad(lineNo, `no such table in a case file: ${String(value.table).slice(0, 40)}`);
        if (at < tableIndex)
          throw bad(lineNo, `${String(value.table)} rows after ${CASE_TABLES[tableIndex]?.table} rows: the file is out of order`);
        if (at !== tableIndex && batch.length) await flush();
        tableIndex = at;
        if (typeof value.row !== "object" || value.row === null) throw bad(lineNo, "a row line without its row");
        batch.push({ line: lineNo, row: value.row as Record<string, unknown> });
        if (batch.length >= BATCH) await flush();
      } else throw bad(lineNo, `unknown line kind ${String(value.kind).slice(0, 40)}`);
      hash.update(`${text}\n`, "utf8");
    }
    if (!header) throw new InvalidRequestError(`${fileName}: the file is empty`);
    if (!ids.incidentId) await startIncident();
    if (batch.length) await flush();
    const end = trailer as Trailer | null;
    if (!end) throw bad(lineNo, "the file ends without its closing line: it was cut short");
    const sha256 = hash.digest("hex");
    if (end.sha256 !== sha256) throw bad(lineNo, "the closing line's SHA-256 does not match the lines before it: the file was altered");
    for (const [table, n] of Object.entries(end.counts ?? {})) {
      const got = table === "users" ? ids.users.size : (counts[table] ?? 0);
      if (got !== n) throw bad(lineNo, `the closing line counts ${n} ${table} rows; the file holds ${got}`);
    }
    await refreshEventHourly(tx, ids.incidentId);
    const from = header.incident;
    await recordAuditSql(tx, ctx, {
      action: "incident.import-case-file",
      entityType: "Incident",
      entityId: ids.incidentId,
      incidentId: ids.incidentId,
      after: {
        file: fileName,
        sha256,
        fromIncident: from.id,
        fromTitle: from.title,
        counts,
        addedPeople: added,
        peopleMatched: ctx.actor.isAdmin,
      },
    });
    const [inc] = await tx.query<{ title: string }>("SELECT title FROM incidents WHERE id = $1", [ids.incidentId]);
    return { incidentId: ids.incidentId, title: inc?.title ?? "", counts, addedPeople: added, peopleMatched: ctx.actor.isAdmin, sha256 };
  });
}
