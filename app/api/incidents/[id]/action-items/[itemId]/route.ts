// PATCH /api/incidents/[id]/action-items/[itemId] – change an action item (owner, due date, status, …).

import { authorize } from "@/lib/access/authorize";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { updateActionItem } from "@/lib/stories/action-items";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ id: string; itemId: string }> }) {
  try {
    // Who may is checked before what was sent: a role that may not gets 403 or 404, not a complaint about the body.
    const ctx = await getRequestContext();
    await authorize(ctx, (await params).id, "stories.edit");
    const { itemId } = await params;
    await updateActionItem(ctx, itemId, await request.json());
    return json({ ok: true });
  } catch (err) {
    return errorResponse(err);
  }
}
