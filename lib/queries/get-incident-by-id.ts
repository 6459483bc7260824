import { PERMISSIONS } from "@/lib/access/permissions";
import type { Ctx } from "@/lib/context/ctx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The incident with its stages, or null when it does not exist or the actor is not a member. */
export async function getIncidentById(ctx: Ctx, id: string) {
  if (!UUID.test(id)) return null;
  const incident = await ctx.db.prisma.incident.findFirst({
    where: { id, memberships: { some: { userId: ctx.actor.userId, role: { in: [...PERMISSIONS["incident.view"]] } } } },
    include: {
      stages: { orderBy: { position: "asc" } },
      createdBy: { select: { name: true } },
      _count: { select: { sources: true, gaps: true, chainSteps: true } },
    },
  });
  if (!incident) return null;
  return { ...incident, _count: { ...incident._count, events: await eventCounts(ctx, [id]).then((m) => m.get(id) ?? 0) } };
}

/**
 * How many events each incident holds: the sum of its sources' imported counts, which a source's
 * final step sets in the transaction that stores its events (and the hourly roll-up's freshness
 * check relies on). Prisma's _count of events counted every incident's events to keep one.
 */
export async function eventCounts(ctx: Ctx, incidentIds: string[]): Promise<Map<string, number>> {
  const rows = await ctx.db.prisma.source.groupBy({
    by: ["incidentId"],
    where: { incidentId: { in: incidentIds } },
    _sum: { importedCount: true },
  });
  return new Map(rows.map((r) => [r.incidentId, r._sum.importedCount ?? 0]));
}
