// POST /api/incidents/[id]/stories/[storyId]/versions/[versionId]/draft – fill the draft's sections
// from the evidence ({baseRevision}); every line it writes is cited.

import { z } from "zod";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { draftFromEvidence } from "@/lib/stories/draft-from-evidence";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; storyId: string }> }) {
  try {
    const ctx = await getRequestContext();
    const { storyId } = await params;
    const { baseRevision } = z.object({ baseRevision: z.number().int().min(0) }).parse(await request.json());
    return json(await draftFromEvidence(ctx, storyId, baseRevision));
  } catch (err) {
    return errorResponse(err);
  }
}
