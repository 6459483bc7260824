import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import type { Auth } from "./auth";

/** Ends the request's session (deleted from the database) and audits it; returns the cookie-clearing headers. */
export async function signOut(ctx: Ctx, auth: Auth, headers: Headers): Promise<string[]> {
  if (ctx.actor.via !== "session") return [];
  const result = await auth.api.signOut({ headers, returnHeaders: true });
  await recordAuditSql(ctx.db.sql, ctx, { action: "auth.sign-out", entityType: "User", entityId: ctx.actor.userId });
  return result.headers.getSetCookie();
}
