import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "../authorize";
import { isUuid } from "../is-uuid";
import type { IncidentRole } from "../permissions";
import { ZChangeRole } from "./schemas";

async function membershipOf(tx: Prisma.TransactionClient, incidentId: string, userId: string) {
  if (!isUuid(userId)) throw new NotFoundError(`${userId} is not a member of this incident`);
  // Locks the incident's owners, so two owners demoting each other at once cannot leave none.
  await tx.$queryRawUnsafe("SELECT 1 FROM memberships WHERE incident_id = $1::uuid AND role = 'owner' FOR UPDATE", incidentId);
  const m = await tx.membership.findFirst({ where: { incidentId, userId }, include: { user: { select: { email: true } } } });
  if (!m) throw new NotFoundError(`${userId} is not a member of this incident`);
  return m;
}

async function assertAnotherOwner(tx: Prisma.TransactionClient, incidentId: string, userId: string) {
  const others = await tx.membership.count({ where: { incidentId, role: "owner", userId: { not: userId } } });
  if (others === 0) throw new InvalidRequestError("an incident needs an owner: make someone else owner first");
}

/** Changes a member's role; the last owner cannot be demoted. */
export async function changeMemberRole(ctx: Ctx, incidentId: string, userId: string, input: { role: IncidentRole }) {
  const { role } = ZChangeRole.parse(input);
  await authorize(ctx, incidentId, "members.manage");
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await membershipOf(tx, incidentId, userId);
    if (before.role === role) return before;
    if (before.role === "owner") await assertAnotherOwner(tx, incidentId, userId);
    const after = await tx.membership.update({ where: { id: before.id }, data: { role } });
    await recordAudit(tx, ctx, {
      action: "member.role",
      entityType: "User",
      entityId: userId,
      incidentId,
      before: { email: before.user.email, role: before.role },
      after: { email: before.user.email, role: after.role },
    });
    return after;
  });
}

/** Removes a member; the last owner cannot be removed. */
export async function removeMember(ctx: Ctx, incidentId: string, userId: string) {
  await authorize(ctx, incidentId, "members.manage");
  await ctx.db.prisma.$transaction(async (tx) => {
    const before = await membershipOf(tx, incidentId, userId);
    if (before.role === "owner") await assertAnotherOwner(tx, incidentId, userId);
    await tx.membership.delete({ where: { id: before.id } });
    await recordAudit(tx, ctx, {
      action: "member.remove",
      entityType: "User",
      entityId: userId,
      incidentId,
      before: { email: before.user.email, role: before.role },
    });
  });
}

/** Withdraws a pending invitation. */
export async function revokeInvitation(ctx: Ctx, incidentId: string, invitationId: string) {
  await authorize(ctx, incidentId, "members.manage");
  await ctx.db.prisma.$transaction(async (tx) => {
    if (!isUuid(invitationId)) throw new NotFoundError(`no pending invitation ${invitationId}`);
    const inv = await tx.invitation.findFirst({ where: { id: invitationId, incidentId, acceptedAt: null, revokedAt: null } });
    if (!inv) throw new NotFoundError(`no pending invitation ${invitationId}`);
    await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: inv.id,
      incidentId,
      before: { email: inv.email, role: inv.role },
    });
  });
}
