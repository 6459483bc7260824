import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { assertAdmin } from "../authorize";
import { isUuid } from "../is-uuid";

/** The instance admin disables an account (its sessions end; tokens and sign-in are refused) or enables it again. */
export async function setAccountDisabled(ctx: Ctx, userId: string, disabled: boolean) {
  assertAdmin(ctx);
  if (disabled && userId === ctx.actor.userId) throw new InvalidRequestError("you cannot disable your own account");
  if (!isUuid(userId)) throw new NotFoundError(`no account ${userId}`);
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, disabledAt: true } });
    if (!before) throw new NotFoundError(`no account ${userId}`);
    const after = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? (before.disabledAt ?? new Date()) : null },
      select: { id: true, email: true, disabledAt: true },
    });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, ctx, { action: disabled ? "user.disable" : "user.enable", entityType: "User", entityId: userId, before, after });
    return after;
  });
}
