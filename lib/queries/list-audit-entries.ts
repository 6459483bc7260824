import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";

/** The audit trail of one incident, newest first (bounded). */
export async function listAuditEntries(ctx: Ctx, incidentId: string, limit = 200) {
  if (!(await can(ctx, incidentId, "evidence.view"))) return [];
  const rows = await ctx.db.prisma.auditEntry.findMany({
    where: { incidentId },
    orderBy: { id: "desc" },
    take: limit,
    include: { actor: { select: { name: true } } },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
