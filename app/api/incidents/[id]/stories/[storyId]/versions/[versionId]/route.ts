// PUT /api/incidents/[id]/stories/[storyId]/versions/[versionId] – save a draft ({baseRevision, title?, body}).
// A save from an older revision than the stored one is refused with 409 and the stored text, so
// the second of two concurrent editors merges instead of overwriting.

import { authorize } from "@/lib/access/authorize";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { saveStory } from "@/lib/stories/save-story";

export const dynamic = "force-dynamic";

export async function PUT(request: Request, { params }: { params: Promise<{ id: string; versionId: string }> }) {
  try {
    // Who may is checked before what was sent: a role that may not gets 403 or 404, not a complaint about the body.
    const ctx = await getRequestContext();
    await authorize(ctx, (await params).id, "stories.edit");
    const { versionId } = await params;
    return json(await saveStory(ctx, versionId, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
