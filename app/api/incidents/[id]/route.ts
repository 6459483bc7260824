// GET /api/incidents/[id] – the incident (title, summary, status and its dates, time zone).
// PATCH /api/incidents/[id] – rename, edit summary or time zone, move status open → contained → closed
//   with dates ({ title?, summary?, timeZone?, status?, containedAt?, closedAt? }); owners only.
// DELETE /api/incidents/[id] – delete it and everything in it, body { confirm: <its title> }; owners only.

import { getRequestContext } from "@/lib/access/request-context";
import { deleteIncident } from "@/lib/actions/delete-incident";
import { updateIncident } from "@/lib/actions/update-incident";
import { NotFoundError } from "@/lib/errors/not-found";
import { errorResponse, json } from "@/lib/http/json-response";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Params) {
  try {
    const { id } = await params;
    const incident = await getIncidentById(await getRequestContext(), id);
    if (!incident) throw new NotFoundError(`no incident ${id}`);
    return json(incident);
  } catch (err) {
    return errorResponse(err, "query");
  }
}

export async function PATCH(request: Request, { params }: Params) {
  try {
    const { id } = await params;
    return json(await updateIncident(await getRequestContext(), id, await request.json()));
  } catch (err) {
    return errorResponse(err);
  }
}

export async function DELETE(request: Request, { params }: Params) {
  try {
    const { id } = await params;
    const ctx = await getRequestContext();
    return json(await deleteIncident(ctx, id, await request.json().catch(() => ({}))));
  } catch (err) {
    return errorResponse(err);
  }
}
