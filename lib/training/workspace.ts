// A trainee's workspace: an incident of its own holding the exercise's evidence and nothing that
// answers it. No rules, quiet-period detection or chain are run on it and no gaps declared, and its
// stages are listed by name, not in chain order (putting them in order is a task).

import { recordAudit } from "@/lib/audit/record-audit";
import { STAGE_SETS, stageRows } from "@/lib/chain/stages";
import type { Ctx } from "@/lib/context/ctx";

/**
 * Creates the workspace incident with the instructor as its member, and the given
 * stages (the Storm-0558 set by default), names only, in the order of their names.
 */
export async function createWorkspace(
  ctx: Ctx,
  input: { title: string; summary: string; traineeId: string; stages?: readonly { key: string; name: string }[] },
): Promise<string> {
  const stages = [...(input.stages ?? STAGE_SETS["storm-0558"])].sort((a, b) => a.name.localeCompare(b.name));
  return ctx.db.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.create({
      data: { title: input.title, summary: input.summary, timeZone: "UTC", createdById: ctx.actor.userId },
    });
    // The trainee becomes a member when they start (startAttempt): no work before the clock runs.
    await tx.membership.create({ data: { userId: ctx.actor.userId, incidentId: incident.id, role: "instructor" } });
    // Names only: a description could say what a stage is evidenced by.
    await tx.stage.createMany({
      data: stageRows(
        incident.id,
        stages.map((st) => ({ key: st.key, name: st.name, description: "" })),
      ),
    });
    await recordAudit(tx, ctx, {
      action: "incident.create",
      entityType: "Incident",
      entityId: incident.id,
      incidentId: incident.id,
      after: { ...incident, workspaceFor: input.traineeId },
    });
    return incident.id;
  });
}
