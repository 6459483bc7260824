// POST /api/incidents/[id]/rules/run – run the rules, detect quiet periods, rebuild the chain.

import { getRequestContext } from "@/lib/access/request-context";
import { analyzeIncident } from "@/lib/chain/analyze-incident";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    return json(await analyzeIncident(ctx, id));
  } catch (err) {
    return errorResponse(err);
  }
}
