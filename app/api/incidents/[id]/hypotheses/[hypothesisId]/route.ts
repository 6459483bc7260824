// PATCH /api/incidents/[id]/hypotheses/[hypothesisId] – status, wording, supporting/contradicting events.
import { updateHypothesis } from "@/lib/chain/actions/hypotheses";
import { getLocalContext } from "@/lib/context/get-local-context";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ hypothesisId: string }> }) {
  try {
    const { hypothesisId } = await params;
    return json(await updateHypothesis(await getLocalContext(), hypothesisId, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
