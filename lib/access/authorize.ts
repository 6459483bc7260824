import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { NotFoundError } from "@/lib/errors/not-found";
import { isUuid } from "./is-uuid";
import { type IncidentRole, isVisibility, isWrite, type Permission, roleAllows } from "./permissions";

/** The actor's role on the incident, or null when they are not a member (or the id is not one). */
export async function roleOn(ctx: Ctx, incidentId: string, sql: SqlRunner = ctx.db.sql): Promise<IncidentRole | null> {
  if (!isUuid(incidentId)) return null;
  const [m] = await sql.query<{ role: IncidentRole }>(
    "SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.user_id = $1 AND m.incident_id = $2 AND u.disabled_at IS NULL",
    [ctx.actor.userId, incidentId],
  );
  return m?.role ?? null;
}

/**
 * The one access check. Throws NotFoundError when the actor is not a member or their role may
 * not see this (a non-member is never told the incident exists), ForbiddenError when they may
 * see it but not do this, or when a read-only token asks to write. Returns the role.
 * Pass `sql` to check inside a transaction.
 */
export async function authorize(ctx: Ctx, incidentId: string, permission: Permission, sql?: SqlRunner): Promise<IncidentRole> {
  const role = await roleOn(ctx, incidentId, sql);
  if (!role || (isVisibility(permission) && !roleAllows(role, permission)) || !roleAllows(role, "incident.view")) {
    throw new NotFoundError(`no incident ${incidentId} (or you are not a member of it)`);
  }
  if (!roleAllows(role, permission)) throw new ForbiddenError(`your role on this incident (${role}) may not do this (${permission})`);
  if (isWrite(permission)) assertMayWrite(ctx);
  return role;
}

/** Whether the actor may, without throwing (for showing or hiding a control). */
export async function can(ctx: Ctx, incidentId: string, permission: Permission): Promise<boolean> {
  const role = await roleOn(ctx, incidentId);
  return Boolean(role && roleAllows(role, permission) && (!isWrite(permission) || ctx.actor.tokenScope !== "read"));
}

/** Refuses a change made with a read-only token (changes outside an incident, such as creating one). */
export function assertMayWrite(ctx: Ctx): void {
  if (ctx.actor.via === "token" && ctx.actor.tokenScope !== "write")
    throw new ForbiddenError("this token is read-only: it may not change anything");
}

/** Refuses anyone but the instance admin (and, for a change, the admin's read-only token). */
export function assertAdmin(ctx: Ctx, mode: "read" | "write" = "write"): void {
  if (!ctx.actor.isAdmin) throw new ForbiddenError("only the instance admin may do this");
  if (mode === "write") assertMayWrite(ctx);
}
