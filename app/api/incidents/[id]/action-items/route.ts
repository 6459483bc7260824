// GET  /api/incidents/[id]/action-items – the incident's action items, open first, overdue flagged.
// POST /api/incidents/[id]/action-items – add one ({title, kind, owner?, dueOn?, status?, ticketUrl?, storyId?}).

import { authorize } from "@/lib/access/authorize";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { addActionItem, listActionItems } from "@/lib/stories/action-items";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json({ actionItems: await listActionItems(await getRequestContext(), id) });
  } catch (err) {
    return errorResponse(err);
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    // Who may is checked before what was sent: a role that may not gets 403 or 404, not a complaint about the body.
    const ctx = await getRequestContext();
    await authorize(ctx, (await params).id, "stories.edit");
    const { id } = await params;
    return json(await addActionItem(ctx, id, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
