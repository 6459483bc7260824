// GET /api/incidents/[id]/events/[eventId] – one event in full: canonical fields, the raw record, entities,
//   rule matches, annotations and chain steps (404 if it is not the incident's or the actor is not a member).
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { getEventDetail } from "@/lib/queries/get-event-detail";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; eventId: string }> }) {
  try {
    const { id, eventId } = await params;
    const event = await getEventDetail(await getRequestContext(), id, eventId);
    return event ? json({ event }) : json({ error: `no event ${eventId} in incident ${id}` }, 404);
  } catch (err) {
    return errorResponse(err, "query");
  }
}
