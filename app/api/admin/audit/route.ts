// GET /api/admin/audit – the whole instance's audit trail (instance admin), with the same filters, paging and
//   ?format=csv|jsonl export as an incident's.
import { getRequestContext } from "@/lib/access/request-context";
import { AUDIT_EXPORT_FORMATS, type AuditExportFormat, downloadResponse, exportAudit } from "@/lib/audit/audit-export";
import { auditQueryFrom, listAudit } from "@/lib/audit/list-audit";
import { badQuery, errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const ctx = await getRequestContext();
    const sp = new URL(request.url).searchParams;
    const query = auditQueryFrom(Object.fromEntries(sp));
    const format = sp.get("format");
    if (format && (AUDIT_EXPORT_FORMATS as readonly string[]).includes(format)) {
      return downloadResponse(exportAudit(ctx, null, format as AuditExportFormat, query), "audit-instance", format as AuditExportFormat);
    }
    if (format) return badQuery("format", "csv or jsonl");
    return json(await listAudit(ctx, null, query));
  } catch (err) {
    return errorResponse(err, "query");
  }
}
