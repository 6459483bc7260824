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

export type OwnReplay = { id: string; incidentId: string; title: string; incidentTitle: string; clock: Date };

export async function listTraining(ctx: Ctx): Promise<{ instructing: InstructedExercise[]; attempts: OwnAttempt[]; replays: OwnReplay[] }> {
  const [instructing, attempts, replays] = await Promise.all([
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
    // Replays the asker started on incidents they are still a member of.
    ctx.db.sql.query<{ id: string; incident_id: string; title: string; incident_title: string; clock: Date }>(
      `SELECT r.id, r.incident_id, r.title, i.title AS incident_title, r.clock FROM replay_sessions r
       JOIN incidents i ON i.id = r.incident_id JOIN memberships m ON m.incident_id = r.incident_id AND m.user_id = $1
       WHERE r.created_by_id = $1 ORDER BY r.created_at DESC`,
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
    replays: replays.map((r) => ({ id: r.id, incidentId: r.incident_id, title: r.title, incidentTitle: r.incident_title, clock: r.clock })),
  };
}
