import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createIncident } from "@/lib/actions/create-incident";
import type { Ctx } from "@/lib/context/ctx";
import { getLocalContext } from "@/lib/context/get-local-context";
import type { Db } from "@/lib/db";

const dir = mkdtempSync(path.join(os.tmpdir(), "chainline-fixtures-"));

/** Writes a small synthetic file for an import test and returns its path. */
export function writeFixture(name: string, content: string | Uint8Array, options: { gzip?: boolean } = {}): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2, 8)}-${name}`);
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  writeFileSync(file, options.gzip ? gzipSync(bytes) : bytes);
  return file;
}

/** A fresh incident and the local user's context on the given database. */
export async function newIncident(db: Db, title = "Import test"): Promise<{ ctx: Ctx; incidentId: string }> {
  const ctx = await getLocalContext(db);
  const incident = await createIncident(ctx, { title });
  return { ctx, incidentId: incident.id };
}

/** Every event of a source, with occurred_at at full microsecond precision as text. */
export async function eventsOf(db: Db, sourceId: string) {
  return db.sql.query<{
    line_number: number;
    occurred: string;
    assumed_zone: string | null;
    message: string;
    actor: string | null;
    host: string | null;
    src_ip: string | null;
    action: string | null;
    timestamp_desc: string;
    timestamp_text: string;
    raw: Record<string, unknown>;
    fingerprint: string;
  }>(
    `SELECT line_number, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred, assumed_zone, message,
            actor, host, host(src_ip) AS src_ip, action, timestamp_desc, timestamp_text, raw, fingerprint
     FROM events WHERE source_id = $1 ORDER BY line_number`,
    [sourceId],
  );
}

/** The rejected lines of a source, in line order. */
export async function issuesOf(db: Db, sourceId: string) {
  return db.sql.query<{ line_number: number; reason: string; raw_line: string }>(
    `SELECT line_number, reason, raw_line FROM import_issues WHERE source_id = $1 ORDER BY line_number`,
    [sourceId],
  );
}
