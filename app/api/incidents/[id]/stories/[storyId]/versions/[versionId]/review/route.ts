// POST /api/incidents/[id]/stories/[storyId]/versions/[versionId]/review – move the version through
// review: {action: "submit" | "approve" (with checklist) | "publish" | "return" | "next-version"}.
// Who may take each step is checked by the step itself (a reviewer approves, not the author).

import { authorize } from "@/lib/access/authorize";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { reviewAction } from "@/lib/stories/review-action";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; versionId: string }> }) {
  try {
    // Who may is checked before what was sent: a role that may not gets 403 or 404, not a complaint about the body.
    const ctx = await getRequestContext();
    await authorize(ctx, (await params).id, "stories.edit");
    const { versionId } = await params;
    return json(await reviewAction(ctx, versionId, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
