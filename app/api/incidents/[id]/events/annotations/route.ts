// POST /api/incidents/[id]/events/annotations – one change to one or many events, audited:
//   { eventIds, action: "tag"|"untag"|"star"|"unstar"|"comment"|"key"|"unkey"|"attach"|"detach"|"stage",
//     value? (tag or comment), stepId? (attach/detach), stageKey? (stage; null clears) } → { action, eventIds, changed }.

import { getRequestContext } from "@/lib/access/request-context";
import { annotateEvents } from "@/lib/chain/actions/annotate-events";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json(await annotateEvents(await getRequestContext(), id, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
