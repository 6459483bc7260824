import { isUuid } from "@/lib/access/is-uuid";
import { PERMISSIONS } from "@/lib/access/permissions";
import type { Ctx } from "@/lib/context/ctx";
import { eventCounts } from "./event-counts";

/** The incident with its stages, or null when it does not exist or the actor is not a member. */
export async function getIncidentById(ctx: Ctx, id: string) {
  if (!isUuid(id)) return null;
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
