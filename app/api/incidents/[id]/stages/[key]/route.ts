// PATCH /api/incidents/[id]/stages/[key] – rename a stage: {name, description?} (the key stays).

import { getRequestContext } from "@/lib/access/request-context";
import { renameStage } from "@/lib/chain/actions/manage-stages";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ id: string; key: string }> }) {
  try {
    const { id, key } = await params;
    return json(await renameStage(await getRequestContext(), id, key, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}
