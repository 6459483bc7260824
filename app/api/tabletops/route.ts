// POST /api/tabletops – a Storm-0558 tabletop: { title, noise? }; 201 with the incident and replay session ids. The asker facilitates (owns the incident).

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { createScenarioTabletop } from "@/lib/training/create-tabletop";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const body = await request.json();
    return json(await createScenarioTabletop(await getRequestContext(), body), 201);
  } catch (err) {
    return errorResponse(err);
  }
}
