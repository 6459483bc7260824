// POST /api/incidents/[id]/stories/[storyId]/versions/[versionId]/review – move the version through
// review: {action: "submit" | "approve" (with checklist) | "publish" | "return" | "next-version"}.
// Who may take each step is checked by the step itself (a reviewer approves, not the author).

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { reviewAction } from "@/lib/stories/review-action";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; versionId: string }> }) {
  try {
    const ctx = await getRequestContext();
    const { versionId } = await params;
    return json(await reviewAction(ctx, versionId, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
