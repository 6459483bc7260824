// GET /api/incidents – the acting user's incidents, newest first.
// POST /api/incidents – create one from { title, summary?, timeZone?, stageSet? }; 201 with the incident.

import { getRequestContext } from "@/lib/access/request-context";
import { createIncident } from "@/lib/actions/create-incident";
import { errorResponse, json } from "@/lib/http/json-response";
import { listIncidents } from "@/lib/queries/list-incidents";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return json({ incidents: await listIncidents(await getRequestContext()) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}

export async function POST(request: Request) {
  try {
    const body = await request.json();
    return json(await createIncident(await getRequestContext(), body), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
