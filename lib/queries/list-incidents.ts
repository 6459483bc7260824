import type { Ctx } from "@/lib/context/ctx";

/** One row of the incidents list. */
export type IncidentListItem = {
  id: string;
  title: string;
  status: string;
  timeZone: string;
  createdAt: Date;
  sourceCount: number;
  eventCount: number;
};

/** The incidents the actor is a member of, newest first. */
export async function listIncidents(ctx: Ctx): Promise<IncidentListItem[]> {
  const rows = await ctx.db.prisma.incident.findMany({
    where: { memberships: { some: { userId: ctx.actor.userId } } },
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { sources: true, events: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    timeZone: r.timeZone,
    createdAt: r.createdAt,
    sourceCount: r._count.sources,
    eventCount: r._count.events,
  }));
}
