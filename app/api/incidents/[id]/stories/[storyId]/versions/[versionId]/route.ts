// PUT /api/incidents/[id]/stories/[storyId]/versions/[versionId] – save a draft ({baseRevision, title?, body}).
// A save from an older revision than the stored one is refused with 409 and the stored text, so
// the second of two concurrent editors merges instead of overwriting.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { saveStory } from "@/lib/stories/save-story";

export const dynamic = "force-dynamic";

export async function PUT(request: Request, { params }: { params: Promise<{ id: string; versionId: string }> }) {
  try {
    const ctx = await getRequestContext();
    const { versionId } = await params;
    return json(await saveStory(ctx, versionId, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
