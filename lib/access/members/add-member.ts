import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { authorize } from "../authorize";
import { newSecretToken } from "../secret-token";
import { type TAddMember, ZAddMember } from "./schemas";

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/**
 * Adds a user to the incident by email. Someone with an account becomes a member at once; someone
 * without gets a one-time invitation link (returned once: only its hash is kept), valid for a week.
 */
export async function addMember(ctx: Ctx, incidentId: string, input: TAddMember) {
  const data = ZAddMember.parse(input);
  // Checked before the transaction: the embedded database has one connection, which the transaction holds.
  await authorize(ctx, incidentId, "members.manage");
  return ctx.db.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: data.email } });
    if (user && !user.isLocal) {
      if (user.disabledAt) throw new InvalidRequestError(`${data.email}'s account is disabled`);
      const existing = await tx.membership.findUnique({ where: { userId_incidentId: { userId: user.id, incidentId } } });
      if (existing) throw new InvalidRequestError(`${data.email} is already a member (${existing.role})`);
      const m = await tx.membership.create({ data: { userId: user.id, incidentId, role: data.role } });
      await recordAudit(tx, ctx, {
        action: "member.add",
        entityType: "User",
        entityId: user.id,
        incidentId,
        after: { email: user.email, role: m.role },
      });
      return { kind: "member" as const, userId: user.id, email: user.email, role: m.role };
    }
    const secret = newSecretToken("clinv");
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    const inv = await tx.invitation.create({
      data: { incidentId, email: data.email, role: data.role, tokenHash: secret.hash, invitedById: ctx.actor.userId, expiresAt },
    });
    await recordAudit(tx, ctx, {
      action: "invitation.create",
      entityType: "Invitation",
      entityId: inv.id,
      incidentId,
      after: { email: inv.email, role: inv.role, expiresAt: inv.expiresAt },
    });
    return { kind: "invitation" as const, invitationId: inv.id, email: inv.email, role: inv.role, expiresAt, token: secret.token };
  });
}
