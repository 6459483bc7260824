import type { Ctx } from "@/lib/context/ctx";

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
