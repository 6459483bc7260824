// POST /api/incidents/[id]/brief – an analyst's judgement for the brief ({effectiveAt?, priority?,
// functionalImpact?, informationImpact?, recoverability?, summary?, decisions?}), in effect from its date.

import { getRequestContext } from "@/lib/access/request-context";
import { saveBriefAssessment } from "@/lib/brief/brief-assessment";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json(await saveBriefAssessment(await getRequestContext(), id, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
