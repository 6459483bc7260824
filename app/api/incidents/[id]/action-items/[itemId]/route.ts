// PATCH /api/incidents/[id]/action-items/[itemId] – change an action item (owner, due date, status, …).

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { updateActionItem } from "@/lib/stories/action-items";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ itemId: string }> }) {
  try {
    const { itemId } = await params;
    await updateActionItem(await getRequestContext(), itemId, await request.json());
    return json({ ok: true });
  } catch (err) {
    return errorResponse(err);
  }
}
