import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { createAccountTx } from "../accounts/create-account";
import { assertMayWrite } from "../authorize";
import { hashToken } from "../secret-token";

/** An invitation as its link shows it, or null when the link is unknown, used, withdrawn or expired. */
export async function findInvitation(db: Db, token: string) {
  const inv = await db.prisma.invitation.findFirst({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      incident: { select: { id: true, title: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt.getTime() <= Date.now()) return null;
  return { ...inv, hasAccount: Boolean(await db.prisma.user.findFirst({ where: { email: inv.email, isLocal: false } })) };
}

/**
 * Uses an invitation once. A signed-in user accepts it for their own account (the address must
 * match); someone without an account creates one with the invited address. Returns the incident.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  as: { ctx: Ctx } | { newAccount: { name: string; password: string } },
): Promise<{ incidentId: string; userId: string; email: string }> {
  return db.prisma.$transaction(async (tx) => {
    const inv = await tx.invitation.findFirst({ where: { tokenHash: hashToken(token) } });
    if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt.getTime() <= Date.now()) {
      throw new NotFoundError("this invitation link is unknown, used, withdrawn or expired: ask for a new one");
    }
    // Claim it first: a second use of the same link finds it accepted.
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new NotFoundError("this invitation link was just used");
    let userId: string;
    let who: Ctx | { actor: { userId: string; via: "session" } };
    if ("ctx" in as) {
      assertMayWrite(as.ctx);
      if (as.ctx.actor.email.toLowerCase() !== inv.email.toLowerCase()) {
        throw new InvalidRequestError(`this invitation is for ${inv.email}; you are signed in as ${as.ctx.actor.email}`);
      }
      userId = as.ctx.actor.userId;
      who = as.ctx;
    } else {
      const user = await createAccountTx(tx, null, { email: inv.email, ...as.newAccount });
      userId = user.id;
      who = { actor: { userId, via: "session" } };
    }
    await tx.invitation.update({ where: { id: inv.id }, data: { acceptedById: userId } });
    await tx.membership.upsert({
      where: { userId_incidentId: { userId, incidentId: inv.incidentId } },
      create: { userId, incidentId: inv.incidentId, role: inv.role },
      update: {},
    });
    await recordAudit(tx, who, {
      action: "invitation.accept",
      entityType: "Invitation",
      entityId: inv.id,
      incidentId: inv.incidentId,
      after: { email: inv.email, role: inv.role },
    });
    return { incidentId: inv.incidentId, userId, email: inv.email };
  });
}
