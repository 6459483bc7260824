// GET /api/incidents/[id]/members – { members: [{ id, name, email, role, since }], invitations: [...] } (owners).
// POST /api/incidents/[id]/members – add { email, role }: 201 { kind: "member" } for an account, or
//   { kind: "invitation", token, expiresAt } (the one-time link's secret, shown once) for an address without one.

import { addMember } from "@/lib/access/members/add-member";
import { listMembers } from "@/lib/access/members/list-members";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json(await listMembers(await getRequestContext(), id));
  } catch (err) {
    return errorResponse(err, "query");
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    return json(await addMember(ctx, id, await request.json()), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
