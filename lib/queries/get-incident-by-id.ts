import { PERMISSIONS } from "@/lib/access/permissions";
import type { Ctx } from "@/lib/context/ctx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The incident with its stages, or null when it does not exist or the actor is not a member. */
export async function getIncidentById(ctx: Ctx, id: string) {
  if (!UUID.test(id)) return null;
  return ctx.db.prisma.incident.findFirst({
    where: { id, memberships: { some: { userId: ctx.actor.userId, role: { in: [...PERMISSIONS["incident.view"]] } } } },
    include: {
      stages: { orderBy: { position: "asc" } },
      createdBy: { select: { name: true } },
      _count: { select: { sources: true, events: true, gaps: true, chainSteps: true } },
    },
  });
}
