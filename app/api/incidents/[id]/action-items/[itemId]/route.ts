// PATCH /api/incidents/[id]/action-items/[itemId] – change an action item (owner, due date, status, …).

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { updateActionItem } from "@/lib/stories/action-items";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ id: string; itemId: string }> }) {
  try {
    const ctx = await getRequestContext();
    const { itemId } = await params;
    await updateActionItem(ctx, itemId, await request.json());
    return json({ ok: true });
  } catch (err) {
    return errorResponse(err);
  }
}
