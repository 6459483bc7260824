import type { SqlRunner } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors/not-found";
import type { Ctx } from "./ctx";

/** Whether the actor is a member of the incident (raw SQL, so it runs inside the caller's transaction). */
export async function isMember(sql: SqlRunner, ctx: Ctx, incidentId: string): Promise<boolean> {
  const [m] = await sql.query("SELECT 1 FROM memberships WHERE user_id = $1 AND incident_id = $2", [ctx.actor.userId, incidentId]);
  return Boolean(m);
}

/** Throws NotFoundError unless the actor is a member (not telling "missing" from "not yours"). */
export async function requireMember(sql: SqlRunner, ctx: Ctx, incidentId: string): Promise<void> {
  if (!(await isMember(sql, ctx, incidentId))) throw new NotFoundError(`no incident ${incidentId} (or you are not a member of it)`);
}
