// GET /api/incidents/[id]/entities/[entityId]?after= – one entity: first/last seen, event count, stages,
//   sources, related entities, and 100 of its events in time order; pass `nextCursor` as `after` for the next 100.
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { getEntity, ZGetEntityQuery } from "@/lib/queries/get-entity";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; entityId: string }> }) {
  try {
    const { id, entityId } = await params;
    const { after } = ZGetEntityQuery.parse({ after: new URL(request.url).searchParams.get("after") });
    const entity = await getEntity(await getRequestContext(), id, entityId, { after });
    return entity ? json(entity) : json({ error: `no entity ${entityId} in incident ${id}` }, 404);
  } catch (err) {
    return errorResponse(err, "query");
  }
}
