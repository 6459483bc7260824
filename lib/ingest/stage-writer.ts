import type { Db } from "@/lib/db";
import { ByteBatch } from "./byte-batch";
import { createChunkIndexer } from "./chunk-indexer";
import { copyRow } from "./copy-format";
import { chunkEvents, chunkOf, createChunk } from "./event-partitions";
import { loadTables } from "./load-tables";
import { FINDING_COLUMNS, LOAD_COLUMNS, REF_COLUMNS } from "./normalize";
import { redactText } from "./redact/redact";

/** Longest raw line kept on an ImportIssue: enough to see the problem, bounded for hostile input. */
export const ISSUE_RAW_MAX = 2_000;
const FLUSH_BYTES = 4 * 1024 * 1024;
/** How often, at most, the writer lets Node's event loop turn while rows arrive (see addRow). */
const TURN_MS = 2;
/** Rows between two looks at the clock (a look, 60 ns, costs more than the rest of the writer's bookkeeping for a row). */
const TURN_CHECK_ROWS = 16;

/**
 * Buffers COPY rows for the import's own tables (its events, their entity references and
 * findings: load-tables.ts) and for import_issues, and writes them in large batches. One batch
 * may be in flight while the next is parsed, so Node and Postgres work at the same time (memory
 * stays at three batches: filling, waiting, in flight). The events go to the chunk of the import's
 * table their id falls in, each chunk's table made before its first rows; a chunk full, its
 * indexes are built on another connection while the next fills (chunk-indexer.ts). The last
 * chunk's and the other tables' indexes are left to the final step.
 */
export function createStageWriter(db: Db, ids: { incidentId: string; sourceId: string; block: bigint }, options: { redact: boolean }) {
  const { incidentId, sourceId } = ids;
  const tables = loadTables(ids.block);
  let rows = new ByteBatch(FLUSH_BYTES);
  let refs = new ByteBatch(FLUSH_BYTES);
  let findings: string[] = [];
  let issues: string[] = [];
  let staged = 0;
  let rejected = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const indexer = createChunkIndexer(db);
  const chunkSize = chunkEvents();
  /** The chunk `rows` holds events of (every batch holds one chunk's), and whether its table is made. */
  let chunk = -1;
  let chunkMade = false;
  let lastTurn = performance.now();

  async function send(): Promise<void> {
    const into = rows.rows > 0 ? chunkOf(ids.block, chunk, chunkSize).table : "";
    const make = !chunkMade && rows.rows > 0 ? chunk : null;
    if (make !== null) chunkMade = true;
    const rowBytes = rows.take();
    const refBytes = refs.take();
    const findingText = findings.join("");
    const issueText = issues.join("");
    rows = new ByteBatch(FLUSH_BYTES);
    refs = new ByteBatch(FLUSH_BYTES);
    findings = [];
    issues = [];
    await inFlight;
    inFlight = (async () => {
      if (make !== null) await createChunk(db.sql, incidentId, ids.block, make, chunkSize);
      if (rowBytes.length) await db.copyText(into, LOAD_COLUMNS, rowBytes);
      if (refBytes.length) await db.copyText(tables.refs, REF_COLUMNS, refBytes);
      if (findingText) await db.copyText(tables.findings, FINDING_COLUMNS, findingText);
      if (issueText) await db.copyText("import_issues", ["incident_id", "source_id", "line_number", "reason", "raw_line"], issueText);
    })();
    // Surface a failed COPY at the next await rather than as an unhandled rejection.
    inFlight.catch(() => undefined);
  }

  return {
    get staged() {
      return staged;
    },
    get rejected() {
      return rejected;
    },
    /** One event's rows (the event, and the references and findings createNormalizer made for it) and its offset in the block. */
    async addRow(row: string, refRows: string, findingRows: string, offset: number): Promise<void> {
      const k = Math.floor(offset / chunkSize);
      if (k !== chunk) {
        const failure = indexer?.failure();
        if (failure) throw failure;
        if (rows.rows > 0) await send();
        // The chunk before is complete once its last COPY is in.
        if (chunk >= 0 && chunkMade) indexer?.add(chunkOf(ids.block, chunk, chunkSize).table, inFlight);
        chunk = k;
        chunkMade = false;
      }
      if (rows.rows > 0 && (!rows.fits(row.length) || !refs.fits(refRows.length))) await send();
      rows.add(row);
      if (refRows) refs.add(refRows);
      if (findingRows) findings.push(findingRows);
      staged += 1;
      // The batch in flight and the chunk being indexed advance only when the event loop turns
      // (the server's replies, the socket draining 4 MiB, the next statement), and parsing is
      // synchronous from one file read to the next (1 MiB apart): without a turn every few
      // milliseconds, Node waited for COPYs that had been waiting for Node (a quarter of the reading time).
      if (staged % TURN_CHECK_ROWS === 0 && performance.now() - lastTurn >= TURN_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastTurn = performance.now();
      }
    },
    async addIssue(line: number, reasonText: string, lineText: string): Promise<void> {
      // A rejected line is stored too, so it is redacted like the events are (its reason can
      // quote it: JSON.parse's message does). Before truncating, so no secret is cut in two.
      const reason = options.redact ? redactText(reasonText, "reason", []) : reasonText;
      const rawText = options.redact ? redactText(lineText, "raw_line", []) : lineText;
      const raw =
        rawText.length > ISSUE_RAW_MAX ? `${rawText.slice(0, ISSUE_RAW_MAX)}… [${rawText.length.toLocaleString("en-US")} chars]` : rawText;
      issues.push(copyRow([incidentId, sourceId, line, reason, raw]));
      rejected += 1;
      if (issues.length >= 5_000) await send();
    },
    /** Writes what is buffered and waits until every batch is in and every full chunk indexed. */
    async flush(): Promise<void> {
      await send();
      await inFlight;
      await indexer?.done();
    },
    /** After a failure: waits for whatever is still writing or indexing, so the import's tables can go. */
    async settle(): Promise<void> {
      await inFlight.catch(() => undefined);
      await indexer?.done().catch(() => undefined);
    },
  };
}
