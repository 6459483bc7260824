// What the attempt page shows. Before submission a trainee gets their tasks, their own answers,
// the hints they took, and for an exact question only whether it has been answered right: never a
// value from the key. After submission, the scored result with its feedback.

import type { Ctx } from "@/lib/context/ctx";
import { deadlineOf, loadAttempt } from "./attempt-access";
import { readExerciseKey } from "./exercise-keys";
import type { AttemptResult } from "./score-attempt";
import { normalizeAnswer } from "./scoring/exact-answer";
import type { Task } from "./tasks";

export type SavedAnswer = { answer: Record<string, unknown>; hintsUsed: number; hints: string[]; solved: boolean };

export type AttemptView = {
  id: string;
  as: "trainee" | "instructor";
  exerciseId: string;
  title: string;
  workspaceId: string;
  traineeId: string;
  tasks: Task[];
  startedAt: Date | null;
  submittedAt: Date | null;
  deadline: Date | null;
  answers: Record<string, SavedAnswer>;
  result: (AttemptResult & { briefGrade: { points: number; comment: string } | null }) | null;
};

export async function getAttemptView(ctx: Ctx, attemptId: string): Promise<AttemptView> {
  const { attempt, as } = await loadAttempt(ctx, attemptId);
  const rows = await ctx.db.sql.query<{ task_id: string; answer: Record<string, unknown>; hints_used: number }>(
    "SELECT task_id, answer, hints_used FROM exercise_answers WHERE attempt_id = $1",
    [attemptId],
  );
  const key = rows.length > 0 ? await readExerciseKey(ctx.db.sql, attempt.exercise_id, attempt.variant) : null;
  const answers: Record<string, SavedAnswer> = {};
  for (const r of rows) {
    const accepted = new Set((key?.exact[r.task_id]?.accepted ?? []).map(normalizeAnswer));
    const tries = (r.answer.tries as string[] | undefined) ?? [];
    answers[r.task_id] = {
      answer: r.answer,
      hintsUsed: r.hints_used,
      hints: (key?.hints[r.task_id] ?? []).slice(0, r.hints_used),
      solved: tries.some((t) => accepted.has(normalizeAnswer(t))),
    };
  }
  const deadline = deadlineOf(attempt);
  return {
    id: attempt.id,
    as,
    exerciseId: attempt.exercise_id,
    title: attempt.title,
    workspaceId: attempt.workspace_incident_id,
    traineeId: attempt.trainee_id,
    tasks: attempt.tasks,
    startedAt: attempt.started_at,
    submittedAt: attempt.submitted_at,
    deadline,
    answers,
    result: attempt.submitted_at ? (attempt.result as AttemptView["result"]) : null,
  };
}
