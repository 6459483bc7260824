// POST /api/incidents/[id]/replay/[sessionId]/decisions – record the players' decision at the clock: { text }; 201.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { recordDecision } from "@/lib/replay/replay-session";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; sessionId: string }> }) {
  try {
    const { id, sessionId } = await params;
    const ctx = await getRequestContext();
    return json(await recordDecision(ctx, id, sessionId, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
