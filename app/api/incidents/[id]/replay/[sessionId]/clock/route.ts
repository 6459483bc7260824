// POST /api/incidents/[id]/replay/[sessionId]/clock – move the clock: { to } or { step: hour|day|week|next-event|next-inject }.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { moveClock } from "@/lib/replay/replay-session";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; sessionId: string }> }) {
  try {
    const { id, sessionId } = await params;
    const ctx = await getRequestContext();
    return json(await moveClock(ctx, id, sessionId, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
