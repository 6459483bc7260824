import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { assertMayWrite } from "../authorize";
import { isUuid } from "../is-uuid";

/** Revokes one of the actor's tokens (the instance admin may revoke anyone's). Idempotent. */
export async function revokeApiToken(ctx: Ctx, tokenId: string) {
  assertMayWrite(ctx);
  if (!isUuid(tokenId)) throw new NotFoundError(`no token ${tokenId}`);
  return ctx.db.prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, ...(ctx.actor.isAdmin ? {} : { userId: ctx.actor.userId }) },
      select: { id: true, name: true, prefix: true, userId: true, revokedAt: true },
    });
    if (!token) throw new NotFoundError(`no token ${tokenId}`);
    if (token.revokedAt) return token;
    const after = await tx.apiToken.update({
      where: { id: token.id },
      data: { revokedAt: new Date() },
      select: { id: true, name: true, prefix: true, userId: true, revokedAt: true },
    });
    await recordAudit(tx, ctx, { action: "token.revoke", entityType: "ApiToken", entityId: token.id, before: token, after });
    return after;
  });
}
