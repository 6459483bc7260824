// GET /api/incidents/[id]/sources/[sourceId]/issues – the source's rejected lines (line, reason, raw line).
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { listImportIssues } from "@/lib/queries/list-import-issues";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; sourceId: string }> }) {
  try {
    const { id, sourceId } = await params;
    const found = await listImportIssues(await getRequestContext(), sourceId);
    if (!found || found.source.incidentId !== id) return json({ error: `no source ${sourceId} in incident ${id}` }, 404);
    return json(found);
  } catch (err) {
    return errorResponse(err, "query");
  }
}
