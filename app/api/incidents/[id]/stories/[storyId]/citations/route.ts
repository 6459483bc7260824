// POST /api/incidents/[id]/stories/[storyId]/citations – cite an event, step, gap, hypothesis, entity
// or timeline view ({kind, ref}); what it says now is frozen. Returns the token to put in the text.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { citeInStory } from "@/lib/stories/cite";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; storyId: string }> }) {
  try {
    const ctx = await getRequestContext();
    const { storyId } = await params;
    return json(await citeInStory(ctx, storyId, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
