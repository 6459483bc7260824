// GET  /api/incidents/[id]/replay – the incident's replay sessions.
// POST /api/incidents/[id]/replay – start one: { title }; 201 with its id (prompts at each chain step's first sighting).

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { listReplaySessions } from "@/lib/replay/get-replay";
import { createReplaySession } from "@/lib/replay/replay-session";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json({ sessions: await listReplaySessions(await getRequestContext(), id) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json(await createReplaySession(await getRequestContext(), id, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
