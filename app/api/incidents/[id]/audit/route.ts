// GET /api/incidents/[id]/audit – the incident's audit trail, newest first, with names and changes:
//   ?actor=&action=&from=YYYY-MM-DD&to=YYYY-MM-DD&before=<id>&limit= → { entries, nextCursor };
//   &format=csv|jsonl → the whole filtered trail as a download (CSV safe from formula injection).
import { getRequestContext } from "@/lib/access/request-context";
import { AUDIT_EXPORT_FORMATS, type AuditExportFormat, downloadResponse, exportAudit } from "@/lib/audit/audit-export";
import { auditQueryFrom, listAudit } from "@/lib/audit/list-audit";
import { badQuery, errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    const sp = new URL(request.url).searchParams;
    const query = auditQueryFrom(Object.fromEntries(sp));
    const format = sp.get("format");
    if (format && (AUDIT_EXPORT_FORMATS as readonly string[]).includes(format)) {
      return downloadResponse(exportAudit(ctx, id, format as AuditExportFormat, query), `audit-${id}`, format as AuditExportFormat);
    }
    if (format) return badQuery("format", "csv or jsonl");
    return json(await listAudit(ctx, id, query));
  } catch (err) {
    return errorResponse(err, "query");
  }
}
