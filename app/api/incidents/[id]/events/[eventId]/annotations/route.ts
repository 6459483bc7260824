// GET /api/incidents/[id]/events/[eventId]/annotations – the event's annotations, oldest first, each with its author and
//   time, and the chain steps it is evidence for: { eventId, annotations: [{ id, kind, value, author: { id, name },
//   createdAt }], chainSteps: [{ id, title, stageKey, stageName, isKey }] } (404 when not the incident's or not a member).
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { listAnnotations } from "@/lib/queries/list-annotations";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; eventId: string }> }) {
  try {
    const { id, eventId } = await params;
    const found = await listAnnotations(await getRequestContext(), id, eventId);
    return found ? json(found) : json({ error: `no event ${eventId} in incident ${id}` }, 404);
  } catch (err) {
    return errorResponse(err, "query");
  }
}
