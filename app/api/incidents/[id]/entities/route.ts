// GET /api/incidents/[id]/entities?kind=&q= – the incident's entities (most events first, at most 200),
//   with event counts and first/last seen; `kind` filters by kind, `q` by text in the value.
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { listEntities, ZListEntitiesQuery } from "@/lib/queries/list-entities";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const q = new URL(request.url).searchParams;
    const filters = ZListEntitiesQuery.parse({ kind: q.get("kind"), q: q.get("q") });
    const ctx = await getRequestContext();
    return json(await listEntities(ctx, id, filters));
  } catch (err) {
    return errorResponse(err, "query");
  }
}
