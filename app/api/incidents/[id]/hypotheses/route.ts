// GET  /api/incidents/[id]/hypotheses – competing explanations with their steps and evidence.
// POST /api/incidents/[id]/hypotheses – add one ({title, description?, status?, source?, stepIds?}).

import { getRequestContext } from "@/lib/access/request-context";
import { createHypothesis } from "@/lib/chain/actions/hypotheses";
import { errorResponse, json } from "@/lib/http/json-response";
import { listHypotheses } from "@/lib/queries/list-hypotheses";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    return json({ hypotheses: await listHypotheses(ctx, id) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json(await createHypothesis(await getRequestContext(), id, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
