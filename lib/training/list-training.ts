// The Training page's lists: the exercises the asker set, and the attempts they were given.

import type { Ctx } from "@/lib/context/ctx";

export type InstructedExercise = { id: string; title: string; createdAt: Date; attempts: number; submitted: number; variantMode: string };
export type OwnAttempt = {
  id: string;
  exerciseTitle: string;
  workspaceId: string;
  startedAt: Date | null;
  submittedAt: Date | null;
  score: number | null;
  worth: number | null;
};

export async function listTraining(ctx: Ctx): Promise<{ instructing: InstructedExercise[]; attempts: OwnAttempt[] }> {
  const [instructing, attempts] = await Promise.all([
    ctx.db.sql.query<{ id: string; title: string; created_at: Date; attempts: number; submitted: number; variant_mode: string }>(
      `SELECT x.id, x.title, x.created_at, x.variant_mode, count(a.id)::int AS attempts, count(a.submitted_at)::int AS submitted
       FROM exercises x LEFT JOIN exercise_attempts a ON a.exercise_id = x.id
       WHERE x.created_by_id = $1 GROUP BY x.id ORDER BY x.created_at DESC`,
      [ctx.actor.userId],
    ),
    ctx.db.sql.query<{
      id: string;
      title: string;
      workspace_incident_id: string;
      started_at: Date | null;
      submitted_at: Date | null;
      score: string | null;
      worth: string | null;
    }>(
      `SELECT a.id, x.title, a.workspace_incident_id, a.started_at, a.submitted_at, a.score::text, a.worth::text
       FROM exercise_attempts a JOIN exercises x ON x.id = a.exercise_id
       WHERE a.trainee_id = $1 ORDER BY a.created_at DESC`,
      [ctx.actor.userId],
    ),
  ]);
  return {
    instructing: instructing.map((x) => ({
      id: x.id,
      title: x.title,
      createdAt: x.created_at,
      attempts: x.attempts,
      submitted: x.submitted,
      variantMode: x.variant_mode,
    })),
    attempts: attempts.map((a) => ({
      id: a.id,
      exerciseTitle: a.title,
      workspaceId: a.workspace_incident_id,
      startedAt: a.started_at,
      submittedAt: a.submitted_at,
      score: a.score === null ? null : Number(a.score),
      worth: a.worth === null ? null : Number(a.worth),
    })),
  };
}
