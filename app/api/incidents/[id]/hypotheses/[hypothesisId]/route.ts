// PATCH /api/incidents/[id]/hypotheses/[hypothesisId] – status, wording, supporting/contradicting events.

import { getRequestContext } from "@/lib/access/request-context";
import { updateHypothesis } from "@/lib/chain/actions/hypotheses";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ hypothesisId: string }> }) {
  try {
    const { hypothesisId } = await params;
    return json(await updateHypothesis(await getRequestContext(), hypothesisId, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
