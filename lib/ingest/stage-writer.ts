import type { Db } from "@/lib/db";
import { ByteBatch } from "./byte-batch";
import { copyRow } from "./copy-format";
import { STAGING_COLUMNS } from "./normalize";
import { redactText } from "./redact/redact";
import { stagingTable } from "./staging-table";

/** Longest raw line kept on an ImportIssue: enough to see the problem, bounded for hostile input. */
export const ISSUE_RAW_MAX = 2_000;
const FLUSH_BYTES = 4 * 1024 * 1024;

/**
 * Buffers COPY rows for the source's staging table and for import_issues, and writes them in
 * large batches. One batch may be in flight while the next is parsed, so Node and Postgres
 * work at the same time (memory stays at three batches: filling, waiting, in flight).
 */
export function createStageWriter(db: Db, ids: { incidentId: string; sourceId: string }, options: { redact: boolean }) {
  const { incidentId, sourceId } = ids;
  const table = stagingTable(sourceId);
  let rows = new ByteBatch(FLUSH_BYTES);
  let issues: string[] = [];
  let staged = 0;
  let rejected = 0;
  let inFlight: Promise<void> = Promise.resolve();

  async function send(): Promise<void> {
    const rowBytes = rows.take();
    const issueText = issues.join("");
    rows = new ByteBatch(FLUSH_BYTES);
    issues = [];
    await inFlight;
    inFlight = (async () => {
      if (rowBytes.length) await db.copyText(table, STAGING_COLUMNS, rowBytes);
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
    async addRow(row: string): Promise<void> {
      if (rows.rows > 0 && !rows.fits(row.length)) await send();
      rows.add(row);
      staged += 1;
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
    /** Writes what is buffered and waits until every batch is in. */
    async flush(): Promise<void> {
      await send();
      await inFlight;
    },
  };
}
