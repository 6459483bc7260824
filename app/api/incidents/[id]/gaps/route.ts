// GET /api/incidents/[id]/gaps – declared and detected evidence gaps and the steps they explain.
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { listGaps } from "@/lib/queries/list-gaps";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    return json({ gaps: await listGaps(ctx, id) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
