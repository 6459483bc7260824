// The instructor's dashboard of one exercise: every attempt with its score, time spent and hints;
// per task, the share who got it right, the mean points and the commonest wrong answers.

import { isUuid } from "@/lib/access/is-uuid";
import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { readExerciseKey } from "./exercise-keys";
import type { AttemptResult } from "./score-attempt";
import { normalizeAnswer } from "./scoring/exact-answer";
import type { Task } from "./tasks";

export type DashboardAttempt = {
  id: string;
  trainee: string;
  email: string;
  variant: number;
  workspaceId: string;
  startedAt: Date | null;
  submittedAt: Date | null;
  /** Minutes from start to submission (or to now while working). */
  minutes: number | null;
  hintsUsed: number;
  score: number | null;
  worth: number | null;
  briefPending: boolean;
  /** Points per task id once submitted (null while the brief awaits its grade). */
  taskPoints: Record<string, number | null>;
};
export type DashboardTask = {
  id: string;
  title: string;
  worth: number;
  right: number;
  submitted: number;
  meanPoints: number | null;
  wrong: { answer: string; count: number }[];
};
export type Dashboard = {
  id: string;
  title: string;
  variantMode: string;
  timeLimitMinutes: number | null;
  createdAt: Date;
  attempts: DashboardAttempt[];
  tasks: DashboardTask[];
};

export async function getExerciseDashboard(ctx: Ctx, exerciseId: string): Promise<Dashboard> {
  if (!isUuid(exerciseId)) throw new NotFoundError("no such exercise");
  const [x] = await ctx.db.sql.query<{
    id: string;
    title: string;
    variant_mode: string;
    time_limit_minutes: number | null;
    created_at: Date;
    tasks: Task[];
  }>("SELECT id, title, variant_mode, time_limit_minutes, created_at, tasks FROM exercises WHERE id = $1 AND created_by_id = $2", [
    exerciseId,
    ctx.actor.userId,
  ]);
  if (!x) throw new NotFoundError("no such exercise");
  const rows = await ctx.db.sql.query<{
    id: string;
    name: string;
    email: string;
    variant: number;
    workspace_incident_id: string;
    started_at: Date | null;
    submitted_at: Date | null;
    score: string | null;
    worth: string | null;
    result: (AttemptResult & { briefGrade: unknown }) | null;
    hints: number;
  }>(
    `SELECT a.id, u.name, u.email, a.variant, a.workspace_incident_id, a.started_at, a.submitted_at, a.score::text, a.worth::text, a.result,
            (SELECT coalesce(sum(hints_used), 0)::int FROM exercise_answers WHERE attempt_id = a.id) AS hints
     FROM exercise_attempts a JOIN users u ON u.id = a.trainee_id WHERE a.exercise_id = $1 ORDER BY u.name, u.email`,
    [exerciseId],
  );
  const now = Date.now();
  const attempts = rows.map((r) => ({
    id: r.id,
    trainee: r.name,
    email: r.email,
    variant: r.variant,
    workspaceId: r.workspace_incident_id,
    startedAt: r.started_at,
    submittedAt: r.submitted_at,
    minutes: r.started_at ? Math.round(((r.submitted_at?.getTime() ?? now) - r.started_at.getTime()) / 60_000) : null,
    hintsUsed: r.hints,
    score: r.score === null ? null : Number(r.score),
    worth: r.worth === null ? null : Number(r.worth),
    briefPending: r.result?.tasks.some((t) => t.pending) ?? false,
    taskPoints: Object.fromEntries((r.result?.tasks ?? []).map((t) => [t.id, t.pending ? null : t.points])),
  }));
  const submitted = rows.filter((r) => r.result);
  const tasks: DashboardTask[] = [];
  for (const t of x.tasks) {
    const results = submitted.map((r) => r.result?.tasks.find((rt) => rt.id === t.id)).filter((rt) => rt !== undefined && !rt.pending);
    tasks.push({
      id: t.id,
      title: t.title,
      worth: t.worth,
      // Right: nothing to correct (a right answer after a hint still counts as right).
      right: results.filter((rt) => rt?.mistakes.length === 0 && !rt.late).length,
      submitted: results.length,
      meanPoints: results.length ? Math.round((results.reduce((a, rt) => a + (rt?.points ?? 0), 0) / results.length) * 10) / 10 : null,
      wrong: t.kind === "exact" ? await wrongAnswers(ctx, exerciseId, t.id) : [],
    });
  }
  return {
    id: x.id,
    title: x.title,
    variantMode: x.variant_mode,
    timeLimitMinutes: x.time_limit_minutes,
    createdAt: x.created_at,
    attempts,
    tasks,
  };
}

/** The commonest wrong tries at an exact question, across attempts (each judged by its own variant's key). */
async function wrongAnswers(ctx: Ctx, exerciseId: string, taskId: string) {
  const rows = await ctx.db.sql.query<{ variant: number; tries: string[] }>(
    `SELECT a.variant, coalesce(an.answer->'tries', '[]'::jsonb) AS tries FROM exercise_answers an
     JOIN exercise_attempts a ON a.id = an.attempt_id WHERE a.exercise_id = $1 AND an.task_id = $2`,
    [exerciseId, taskId],
  );
  const counts = new Map<string, number>();
  const acceptedByVariant = new Map<number, Set<string>>();
  for (const r of rows) {
    let accepted = acceptedByVariant.get(r.variant);
    if (!accepted) {
      const key = await readExerciseKey(ctx.db.sql, exerciseId, r.variant);
      accepted = new Set((key.exact[taskId]?.accepted ?? []).map(normalizeAnswer));
      acceptedByVariant.set(r.variant, accepted);
    }
    for (const t of r.tries) {
      const n = normalizeAnswer(t);
      if (!accepted.has(n)) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([answer, count]) => ({ answer, count }))
    .sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer))
    .slice(0, 3);
}
