// GET /api/incidents/[id]/stories/[storyId] – a story with its newest version (or ?version=N),
// its versions' history and its citations, frozen, with what changed since each was made.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { storyInIncident } from "@/lib/stories/story-in-incident";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; storyId: string }> }) {
  try {
    const { id, storyId } = await params;
    const story = await storyInIncident(await getRequestContext(), id, storyId, new URL(request.url).searchParams);
    return json({ story });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
