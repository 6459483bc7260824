import { recordAudit } from "@/lib/audit/record-audit";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { TooManyRequestsError } from "@/lib/errors/too-many-requests";
import { assertAdmin, assertMayWrite } from "../authorize";
import { isUuid } from "../is-uuid";
import { hashPassword, verifyPassword } from "../password-hash";
import { clearWindow, hitWindow, retryAfterSeconds } from "../rate-limit";
import { ZNewAccount } from "../schemas";
import { accountKeys, SIGN_IN_LIMITS } from "../sign-in-with-password";

const ZPassword = ZNewAccount.shape.password;

/**
 * Changes the actor's own password (the current one must match). Other sessions of the account
 * are ended; the one making the change stays.
 */
export async function changeOwnPassword(ctx: Ctx, input: { current: string; next: string }, keepSessionToken?: string) {
  assertMayWrite(ctx);
  if (ctx.actor.via === "token") throw new ForbiddenError("sign in to change your password");
  const next = ZPassword.parse(input.next);
  const account = await ctx.db.prisma.account.findFirst({ where: { userId: ctx.actor.userId, providerId: "credential" } });
  if (!account?.password) throw new InvalidRequestError("this account signs in through single sign-on: it has no password here");
  // Guessing the current password here counts against the same window as guessing it at sign-in.
  const key = accountKeys(ctx.actor.email, ctx.actor.ip ?? "unknown").account;
  const tries = await hitWindow(ctx.db.sql, key, SIGN_IN_LIMITS.windowSeconds);
  if (tries.count > SIGN_IN_LIMITS.perAccount)
    throw new TooManyRequestsError("too many wrong passwords: try again later", retryAfterSeconds(tries));
  if (!(await verifyPassword(account.password, input.current))) {
    await recordAuditSql(ctx.db.sql, ctx, { action: "user.password.change.failed", entityType: "User", entityId: ctx.actor.userId });
    throw new InvalidRequestError("the current password is wrong");
  }
  await clearWindow(ctx.db.sql, key);
  await writePassword(ctx, ctx.actor.userId, next, "user.password.change", keepSessionToken);
}

/** The instance admin sets a new password for an account (all its sessions end). */
export async function resetPassword(ctx: Ctx, userId: string, password: string) {
  assertAdmin(ctx);
  const next = ZPassword.parse(password);
  if (!isUuid(userId) || !(await ctx.db.prisma.user.findUnique({ where: { id: userId } }))) throw new NotFoundError(`no account ${userId}`);
  await writePassword(ctx, userId, next, "user.password.reset");
}

async function writePassword(ctx: Ctx, userId: string, password: string, action: string, keepSessionToken?: string) {
  const hash = await hashPassword(password);
  await ctx.db.prisma.$transaction(async (tx) => {
    const existing = await tx.account.findFirst({ where: { userId, providerId: "credential" } });
    if (existing) await tx.account.update({ where: { id: existing.id }, data: { password: hash } });
    else await tx.account.create({ data: { userId, accountId: userId, providerId: "credential", password: hash } });
    const ended = await tx.session.deleteMany({ where: { userId, ...(keepSessionToken ? { token: { not: keepSessionToken } } : {}) } });
    // A password changed after a compromise must also stop the tokens made with it.
    const revoked = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action,
      entityType: "User",
      entityId: userId,
      after: { sessionsEnded: ended.count, tokensRevoked: revoked.count },
    });
  });
}
