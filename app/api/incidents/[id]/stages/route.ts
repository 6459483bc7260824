// GET  /api/incidents/[id]/stages – the stages in chain order, with event counts.
// POST /api/incidents/[id]/stages – add one: {key, name, description?, attackTactic?, position?}.
// PUT  /api/incidents/[id]/stages – reorder: {keys: every stage key in the new order}.

import { getRequestContext } from "@/lib/access/request-context";
import { addStage, reorderStages } from "@/lib/chain/actions/manage-stages";
import { errorResponse, json } from "@/lib/http/json-response";
import { listStages } from "@/lib/queries/list-stages";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    return json({ stages: await listStages(ctx, id) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json(await addStage(await getRequestContext(), id, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}

export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json({ keys: await reorderStages(await getRequestContext(), id, await request.json()) });
  } catch (err) {
    return errorResponse(err);
  }
}
