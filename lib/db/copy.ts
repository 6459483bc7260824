import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * Bulk-loads rows already encoded in COPY's text format (tab-separated, \N for null, one row
 * per line), as a string or as UTF-8 bytes, into a table. COPY is 20–50× faster than row
 * inserts, so the importer uses it.
 */
export type CopyText = (table: string, columns: readonly string[], data: string | Uint8Array) => Promise<void>;

function statement(table: string, columns: readonly string[], from: string): string {
  return `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM ${from}`;
}

/** COPY … FROM STDIN on a pooled connection. */
export function poolCopy(pool: pg.Pool): CopyText {
  return async (table, columns, data) => {
    const client = await pool.connect();
    try {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      await pipeline(Readable.from([bytes]), client.query(copyFrom(statement(table, columns, "STDIN"))));
    } finally {
      client.release();
    }
  };
}

/** PGlite reads COPY input from a Blob it exposes as /dev/blob. */
export function pgliteCopy(lite: PGlite): CopyText {
  return async (table, columns, data) => {
    await lite.query(statement(table, columns, "'/dev/blob'"), [], { blob: new Blob([data as BlobPart]) });
  };
}
