// What every kind of exercise does per trainee once its exercise row exists: a workspace, filled
// by the kind's own means, and an attempt on the variant it was given; then the audit entry. A
// failure removes everything made (undoExercise).

import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import { undoExercise } from "./undo-exercise";
import { createWorkspace } from "./workspace";

export type Trainee = { id: string; email: string; name: string };
export type MadeAttempt = { attemptId: string; traineeId: string; workspaceId: string; variant: number };

export async function addAttempts(
  ctx: Ctx,
  exercise: { id: string; title: string },
  trainees: readonly Trainee[],
  options: {
    /** The incident the exercise was made from, for the audit trail (null: the scenario). */
    sourceIncidentId: string | null;
    stages?: readonly { key: string; name: string }[];
    /** Gives the trainee's variant (making its key when new) and fills their workspace. */
    prepare: (person: Trainee) => Promise<{ variant: number; fill: (workspaceId: string) => Promise<void> }>;
  },
): Promise<MadeAttempt[]> {
  // One attempt per trainee per exercise: no database key can say so once attempts are
  // distributed by workspace (README "More than one machine"), so it is checked here.
  const ids = trainees.map((t) => t.id);
  if (new Set(ids).size !== ids.length) throw new Error(`exercise ${exercise.id}: a trainee is listed twice`);
  const attempts: MadeAttempt[] = [];
  const made: string[] = [];
  try {
    for (const person of trainees) {
      const { variant, fill } = await options.prepare(person);
      const workspaceId = await createWorkspace(ctx, {
        title: `${exercise.title} — ${person.name}`,
        summary: `Training workspace of ${person.name} for the exercise "${exercise.title}".`,
        traineeId: person.id,
        stages: options.stages,
      });
      made.push(workspaceId);
      await fill(workspaceId);
      const attempt = await ctx.db.prisma.exerciseAttempt.create({
        data: { exerciseId: exercise.id, traineeId: person.id, workspaceIncidentId: workspaceId, variant },
      });
      attempts.push({ attemptId: attempt.id, traineeId: person.id, workspaceId, variant });
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
      incidentId: options.sourceIncidentId,
      after: { ...exercise, trainees: trainees.map((p) => p.email), workspaces: attempts.map((a) => a.workspaceId) },
    }),
  );
  return attempts;
}
