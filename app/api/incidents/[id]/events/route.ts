// GET /api/incidents/[id]/events – a page of the incident's events: filters (stage, source, entity, q, severity, from, to,
//   starred, tag), sort (time | severity | source | action) and dir, keyset `cursor`, `limit` ≤ 500 →
//   { events, nextCursor, total: { count, isCapped, label } | null (null after the first page) }.
import { getRequestContext } from "@/lib/access/request-context";
import { badQuery, errorResponse, json } from "@/lib/http/json-response";
import { InvalidCursorError, listEvents } from "@/lib/queries/list-events";
import { ZEventListQuery } from "@/lib/schemas/annotations";
import { searchParamsRecord } from "@/lib/schemas/timeline";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const query = ZEventListQuery.parse(searchParamsRecord(new URL(request.url).searchParams));
    const page = await listEvents(await getRequestContext(), id, query);
    return page ? json(page) : json({ error: `no incident ${id}` }, 404);
  } catch (err) {
    if (err instanceof InvalidCursorError) return badQuery("cursor", err.message);
    return errorResponse(err, "query");
  }
}
