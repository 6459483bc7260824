import type { Ctx } from "@/lib/context/ctx";
import { csvLine } from "@/lib/exports/csv-cell";
import { listAudit, type TAuditQuery } from "./list-audit";

export const AUDIT_EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

const CSV_HEAD = [
  "id",
  "at",
  "action",
  "actor_email",
  "actor_name",
  "actor_label",
  "ip",
  "incident_id",
  "object_type",
  "object_id",
  "object",
  "before",
  "after",
];

/**
 * An audit trail with the page's filters, as CSV (formula-safe) or JSON Lines, a thousand entries
 * at a time so a long trail is never held whole.
 */
export async function* exportAudit(
  ctx: Ctx,
  incidentId: string | null,
  format: AuditExportFormat,
  query: TAuditQuery,
): AsyncGenerator<string> {
  if (format === "csv") yield csvLine(CSV_HEAD);
  let before = query.before;
  for (;;) {
    const page = await listAudit(ctx, incidentId, { ...query, before, limit: 1000 });
    for (const e of page.entries) {
      if (format === "jsonl") {
        const { changes: _c, ...entry } = e;
        yield `${JSON.stringify(entry)}\n`;
      } else {
        yield csvLine([
          e.id,
          e.at,
          e.action,
          e.actor?.email,
          e.actor?.name,
          e.actorLabel,
          e.ip,
          e.incidentId,
          e.entityType,
          e.entityId,
          e.object.label,
          e.before,
          e.after,
        ]);
      }
    }
    if (!page.nextCursor) return;
    before = page.nextCursor;
  }
}

/** A streamed download of an export. */
export function downloadResponse(lines: AsyncGenerator<string>, fileName: string, format: AuditExportFormat): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}.${format}"`,
    },
  });
}
