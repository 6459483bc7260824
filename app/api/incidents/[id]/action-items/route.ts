// GET  /api/incidents/[id]/action-items – the incident's action items, open first, overdue flagged.
// POST /api/incidents/[id]/action-items – add one ({title, kind, owner?, dueOn?, status?, ticketUrl?, storyId?}).

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { addActionItem, listActionItems } from "@/lib/stories/action-items";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json({ actionItems: await listActionItems(await getRequestContext(), id) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const ctx = await getRequestContext();
    const { id } = await params;
    return json(await addActionItem(ctx, id, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
