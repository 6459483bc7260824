// An instructor sets an exercise from an incident whose chain has been reviewed: its chain's
// evidence, stage order, gaps and leading hypothesis are frozen as the key (incident-key.ts), and
// each trainee gets a workspace holding a copy of its evidence with none of that (copy-evidence.ts).
// Everyone works the same data: an incident has no variants.

import { z } from "zod";
import { assertMayWrite, authorize } from "@/lib/access/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { copyEvidence } from "./copy-evidence";
import { ZCreateExercise } from "./create-exercise";
import { buildIncidentKey } from "./incident-key";
import { incidentTasks } from "./tasks";
import { resolveTrainees } from "./trainees";
import { undoExercise } from "./undo-exercise";
import { createWorkspace } from "./workspace";

export const ZCreateIncidentExercise = ZCreateExercise.pick({ title: true, trainees: true, timeLimitMinutes: true }).extend({
  incidentId: z.string().uuid(),
});

export async function createIncidentExercise(ctx: Ctx, input: z.input<typeof ZCreateIncidentExercise>) {
  assertMayWrite(ctx);
  const data = ZCreateIncidentExercise.parse(input);
  // Copying a case's evidence to other accounts is sharing it: only who may give people access to
  // the case (its owner) may. (A viewer may read it but not hand it on.)
  await authorize(ctx, data.incidentId, "members.manage");
  const trainees = await resolveTrainees(ctx, data.trainees);
  const { key, hypotheses } = await buildIncidentKey(ctx, data.incidentId);
  if (key.chainOrder.length < 2 || key.stageTags.length === 0)
    throw new InvalidRequestError("the incident's chain has fewer than two steps with evidence: review its chain first");
  const stages = await ctx.db.sql.query<{ key: string; name: string }>("SELECT key, name FROM stages WHERE incident_id = $1", [
    data.incidentId,
  ]);
  const exercise = await ctx.db.prisma.exercise.create({
    data: {
      title: data.title,
      sourceKind: "incident",
      sourceIncidentId: data.incidentId,
      variantMode: "shared",
      seed: 0,
      noise: 0,
      timeLimitMinutes: data.timeLimitMinutes,
      tasks: incidentTasks({ gaps: key.gaps.length > 0, hypothesis: key.hypothesis !== null }, hypotheses),
      createdById: ctx.actor.userId,
    },
  });
  const attempts: { attemptId: string; traineeId: string; workspaceId: string; variant: number }[] = [];
  const made: string[] = [];
  try {
    await ctx.db.prisma.exerciseKey.create({ data: { exerciseId: exercise.id, variant: 0, key } });
    for (const person of trainees) {
      const workspaceId = await createWorkspace(ctx, {
        title: `${data.title} — ${person.name}`,
        summary: `Training workspace of ${person.name} for the exercise "${data.title}".`,
        traineeId: person.id,
        stages,
      });
      made.push(workspaceId);
      await ctx.db.sql.transaction((tx) => copyEvidence(tx, data.incidentId, workspaceId, ctx.actor.userId));
      const attempt = await ctx.db.prisma.exerciseAttempt.create({
        data: { exerciseId: exercise.id, traineeId: person.id, workspaceIncidentId: workspaceId, variant: 0 },
      });
      attempts.push({ attemptId: attempt.id, traineeId: person.id, workspaceId, variant: 0 });
    }
  } catch (err) {
    await undoExercise(ctx, exercise.id, made);
    throw err;
  }
  await ctx.db.prisma.$transaction((tx) =>
    recordAudit(tx, ctx, {
      action: "exercise.create",
      entityType: "Exercise",
      entityId: exercise.id,
      incidentId: data.incidentId,
      after: { ...exercise, trainees: trainees.map((p) => p.email), workspaces: attempts.map((a) => a.workspaceId) },
    }),
  );
  return { exerciseId: exercise.id, attempts };
}
