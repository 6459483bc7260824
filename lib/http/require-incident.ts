import { authorize } from "@/lib/access/authorize";
import type { Permission } from "@/lib/access/permissions";
import type { Ctx } from "@/lib/context/ctx";
import { errorResponse } from "./json-response";

/**
 * The refusal a route returns when the actor may not do this on the incident: 404 when they are
 * not a member or their role may not see it, 403 when they may see it but not change it; null when
 * it is fine.
 */
export async function incidentNotFound(ctx: Ctx, id: string, permission: Permission): Promise<Response | null> {
  try {
    await authorize(ctx, id, permission);
    return null;
  } catch (err) {
    return errorResponse(err);
  }
}
