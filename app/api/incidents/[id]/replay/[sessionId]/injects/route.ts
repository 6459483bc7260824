// POST /api/incidents/[id]/replay/[sessionId]/injects – add a prompt due at an incident time: { at, text }; 201.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { addInject } from "@/lib/replay/replay-session";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; sessionId: string }> }) {
  try {
    const { id, sessionId } = await params;
    const ctx = await getRequestContext();
    return json(await addInject(ctx, id, sessionId, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
