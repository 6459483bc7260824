import type { Ctx } from "@/lib/context/ctx";

/** The audit trail of one incident, newest first (bounded). */
export async function listAuditEntries(ctx: Ctx, incidentId: string, limit = 200) {
  const member = await ctx.db.prisma.membership.findUnique({
    where: { userId_incidentId: { userId: ctx.actor.userId, incidentId } },
  });
  if (!member) return [];
  const rows = await ctx.db.prisma.auditEntry.findMany({
    where: { incidentId },
    orderBy: { id: "desc" },
    take: limit,
    include: { actor: { select: { name: true } } },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
