// POST /api/incidents/[id]/events/stage – set (or clear) events' stage by hand: {eventIds, stageKey, technique?}.

import { getRequestContext } from "@/lib/access/request-context";
import { setEventStage } from "@/lib/chain/actions/set-event-stage";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json(await setEventStage(await getRequestContext(), id, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
