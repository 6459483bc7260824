// PATCH /api/incidents/[id]/members/[userId] – change the role: { role }; the last owner cannot be demoted (422).
// DELETE /api/incidents/[id]/members/[userId] – remove the member; the last owner cannot be removed (422).

import { changeMemberRole, removeMember } from "@/lib/access/members/change-member";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; userId: string }> };

export async function PATCH(request: Request, { params }: Params) {
  try {
    const { id, userId } = await params;
    const m = await changeMemberRole(await getRequestContext(), id, userId, await request.json());
    return json({ userId, role: m.role });
  } catch (err) {
    return errorResponse(err);
  }
}

export async function DELETE(_request: Request, { params }: Params) {
  try {
    const { id, userId } = await params;
    await removeMember(await getRequestContext(), id, userId);
    return new Response(null, { status: 204 });
  } catch (err) {
    return errorResponse(err);
  }
}
