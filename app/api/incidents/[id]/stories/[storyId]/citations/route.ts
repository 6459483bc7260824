// POST /api/incidents/[id]/stories/[storyId]/citations – cite an event, step, gap, hypothesis, entity
// or timeline view ({kind, ref}); what it says now is frozen. Returns the token to put in the text.

import { authorize } from "@/lib/access/authorize";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { citeInStory } from "@/lib/stories/cite";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; storyId: string }> }) {
  try {
    // Who may is checked before what was sent: a role that may not gets 403 or 404, not a complaint about the body.
    const ctx = await getRequestContext();
    await authorize(ctx, (await params).id, "stories.edit");
    const { storyId } = await params;
    return json(await citeInStory(ctx, storyId, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
