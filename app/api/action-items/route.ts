// GET /api/action-items – action items across every incident the caller is a member of, open first,
// overdue flagged.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { listAllActionItems } from "@/lib/stories/action-items";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return json({ actionItems: await listAllActionItems(await getRequestContext()) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
