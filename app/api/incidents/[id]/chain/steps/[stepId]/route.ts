// PATCH /api/incidents/[id]/chain/steps/[stepId] – an analyst's edit (title, window, confidence with
// reason and effective date, rationale, evidence links, hypotheses); kept in history and audited.

import { getRequestContext } from "@/lib/access/request-context";
import { updateChainStep } from "@/lib/chain/actions/update-chain-step";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ stepId: string }> }) {
  try {
    const { stepId } = await params;
    return json(await updateChainStep(await getRequestContext(), stepId, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
