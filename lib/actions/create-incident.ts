import { assertMayWrite } from "@/lib/access/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { STAGE_SETS, stageRows } from "@/lib/chain/stages";
import type { Ctx } from "@/lib/context/ctx";
import { type TCreateIncidentInput, ZCreateIncidentSchema } from "@/lib/schemas/incident";

/** Creates an incident with its stage list, makes the actor its owner, and audits it. */
export async function createIncident(ctx: Ctx, input: TCreateIncidentInput) {
  assertMayWrite(ctx);
  const data = ZCreateIncidentSchema.parse(input);
  return ctx.db.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.create({
      data: { title: data.title, summary: data.summary, timeZone: data.timeZone, createdById: ctx.actor.userId },
    });
    await tx.membership.create({ data: { userId: ctx.actor.userId, incidentId: incident.id, role: "owner" } });
    await tx.stage.createMany({ data: stageRows(incident.id, STAGE_SETS[data.stageSet]) });
    await recordAudit(tx, ctx, {
      action: "incident.create",
      entityType: "Incident",
      entityId: incident.id,
      incidentId: incident.id,
      after: { ...incident, stageSet: data.stageSet },
    });
    return incident;
  });
}
