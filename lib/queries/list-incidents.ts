import { PERMISSIONS } from "@/lib/access/permissions";
import type { Ctx } from "@/lib/context/ctx";
import type { Role } from "@/lib/generated/prisma/enums";
import { eventCounts } from "./event-counts";

/** One row of the incidents list. */
export type IncidentListItem = {
  id: string;
  title: string;
  status: string;
  timeZone: string;
  createdAt: Date;
  sourceCount: number;
  eventCount: number;
  /** The actor's role on it. */
  role: Role;
};

/** The incidents the actor is a member of (in a role that sees the incident), newest first. */
export async function listIncidents(ctx: Ctx): Promise<IncidentListItem[]> {
  const rows = await ctx.db.prisma.incident.findMany({
    where: { memberships: { some: { userId: ctx.actor.userId, role: { in: [...PERMISSIONS["incident.view"]] } } } },
    orderBy: { createdAt: "desc" },
    include: {
      _count: { select: { sources: true } },
      memberships: { where: { userId: ctx.actor.userId }, select: { role: true } },
    },
  });
  const events = await eventCounts(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    timeZone: r.timeZone,
    createdAt: r.createdAt,
    sourceCount: r._count.sources,
    eventCount: events.get(r.id) ?? 0,
    role: r.memberships[0]?.role ?? "viewer",
  }));
}
