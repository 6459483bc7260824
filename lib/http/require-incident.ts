import type { Ctx } from "@/lib/context/ctx";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { json } from "./json-response";

/** The 404 a route returns when the incident does not exist or the actor is not a member; null when it is fine. */
export async function incidentNotFound(ctx: Ctx, id: string): Promise<Response | null> {
  return (await getIncidentById(ctx, id)) ? null : json({ error: `no incident ${id}` }, 404);
}
