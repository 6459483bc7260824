// GET /api/incidents/[id]/replay/[sessionId] – the replay at its clock: events so far, the chain as known then, prompts due, decisions.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { getReplay } from "@/lib/replay/get-replay";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; sessionId: string }> }) {
  try {
    const { id, sessionId } = await params;
    return json(await getReplay(await getRequestContext(), id, sessionId));
  } catch (err) {
    return errorResponse(err, "query");
  }
}
