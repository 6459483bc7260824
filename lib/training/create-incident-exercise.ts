// An instructor sets an exercise from an incident whose chain has been reviewed: its chain's
// evidence, stage order, gaps and leading hypothesis are frozen as the key (incident-key.ts), and
// each trainee gets a workspace holding a copy of its evidence with none of that (copy-evidence.ts).
// Everyone works the same data: an incident has no variants.

import { z } from "zod";
import { assertMayWrite, authorize } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { addAttempts } from "./add-attempts";
import { copyEvidence } from "./copy-evidence";
import { ZCreateExercise } from "./create-exercise";
import { buildIncidentKey } from "./incident-key";
import { incidentTasks } from "./tasks";
import { resolveTrainees } from "./trainees";

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
  // The exercise and its key in one statement: nothing to undo if either fails.
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
      keys: { create: { variant: 0, key } },
    },
  });
  const attempts = await addAttempts(ctx, exercise, trainees, {
    sourceIncidentId: data.incidentId,
    stages,
    prepare: async () => ({
      variant: 0,
      fill: (workspaceId) => ctx.db.sql.transaction((tx) => copyEvidence(tx, data.incidentId, workspaceId, ctx.actor.userId)),
    }),
  });
  return { exerciseId: exercise.id, attempts };
}
