// GET /api/incidents/[id]/audit – the incident's audit entries, newest first (404 if not a member).
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { listAuditEntries } from "@/lib/queries/list-audit-entries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    if (!(await getIncidentById(ctx, id))) return json({ error: `no incident ${id}` }, 404);
    return json({ entries: await listAuditEntries(ctx, id) });
  } catch (err) {
    return errorResponse(err);
  }
}
