// DELETE /api/incidents/[id]/invitations/[invitationId] – withdraw a pending invitation (owners); 204.

import { revokeInvitation } from "@/lib/access/members/change-member";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string; invitationId: string }> }) {
  try {
    const { id, invitationId } = await params;
    await revokeInvitation(await getRequestContext(), id, invitationId);
    return new Response(null, { status: 204 });
  } catch (err) {
    return errorResponse(err);
  }
}
