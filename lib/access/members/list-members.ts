import type { Ctx } from "@/lib/context/ctx";
import { authorize } from "../authorize";

/** The incident's members and its pending invitations (owners only: the Members page). */
export async function listMembers(ctx: Ctx, incidentId: string) {
  await authorize(ctx, incidentId, "members.manage");
  const [members, invitations] = await Promise.all([
    ctx.db.prisma.membership.findMany({
      where: { incidentId },
      orderBy: { createdAt: "asc" },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true, disabledAt: true, isLocal: true } } },
    }),
    ctx.db.prisma.invitation.findMany({
      where: { incidentId, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { name: true } } },
    }),
  ]);
  const now = Date.now();
  return {
    members: members.map((m) => ({ ...m.user, role: m.role, since: m.createdAt })),
    invitations: invitations.map((i) => ({ ...i, invitedBy: i.invitedBy.name, isExpired: i.expiresAt.getTime() <= now })),
  };
}
