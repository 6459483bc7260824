// POST /api/incidents/[id]/stories/[storyId]/versions/[versionId]/draft – fill the draft's sections
// from the evidence ({baseRevision}); every line it writes is cited.

import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { draftFromEvidence } from "@/lib/stories/draft-from-evidence";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; storyId: string }> }) {
  try {
    // Who may is checked before what was sent: a role that may not gets 403 or 404, not a complaint about the body.
    const ctx = await getRequestContext();
    await authorize(ctx, (await params).id, "stories.edit");
    const { storyId } = await params;
    const { baseRevision } = z.object({ baseRevision: z.number().int().min(0) }).parse(await request.json());
    return json(await draftFromEvidence(ctx, storyId, baseRevision));
  } catch (err) {
    return errorResponse(err);
  }
}
