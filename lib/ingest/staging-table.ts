import type { SqlRunner } from "@/lib/db/sql";

/** The per-import staging table's name: one UNLOGGED table per source, dropped when done. */
export function stagingTable(sourceId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(sourceId)) throw new Error(`not a source id: ${sourceId}`);
  return `staging_${sourceId.replaceAll("-", "")}`;
}

/** A fresh, empty staging table for the source (a resumed import starts from nothing). */
export async function createStagingTable(sql: SqlRunner, sourceId: string): Promise<void> {
  const t = stagingTable(sourceId);
  await sql.exec(`DROP TABLE IF EXISTS "${t}"; CREATE UNLOGGED TABLE "${t}" (LIKE "event_staging")`);
}

export async function dropStagingTable(sql: SqlRunner, sourceId: string): Promise<void> {
  await sql.exec(`DROP TABLE IF EXISTS "${stagingTable(sourceId)}"`);
}
