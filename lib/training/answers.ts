// What a trainee does in an attempt: start the clock, answer a task, take a hint. Each in one
// transaction. An exact question says at once whether a try was right (so the trainee can try
// again, at a cost), and never what the answer is.

import { z } from "zod";
import { assertMayWrite } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { ConflictError } from "@/lib/errors/conflict";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { assertInTime, loadOwnOpenAttempt, taskOf } from "./attempt-access";
import { readExerciseKey } from "./exercise-keys";
import { normalizeAnswer } from "./scoring/exact-answer";
import { CONFIDENCE_LABELS, type Task } from "./tasks";

const isoTime = z.string().datetime({ offset: true });
const window = z.object({ start: isoTime, end: isoTime }).refine((w) => Date.parse(w.start) <= Date.parse(w.end), {
  message: "the window ends before it starts",
});

/** The form of each kind's answer. Stage tags are not a form: they are the trainee's tags on events. */
const ANSWER_FORMS = {
  "chain-order": z.object({ order: z.array(z.string().min(1).max(100)).min(1).max(50) }),
  "time-window": window,
  gaps: z.object({ windows: z.array(window.and(z.object({ note: z.string().max(500).default("") }))).max(20) }),
  hypothesis: z.object({ choice: z.string().min(1).max(100), confidence: z.enum(CONFIDENCE_LABELS) }),
  exact: z.object({ value: z.string().trim().min(1).max(500) }),
  brief: z.object({ text: z.string().max(5000) }),
} as const;

/**
 * Starts the attempt's clock (the time limit counts from here) and only now lets the trainee into
 * the workspace, so no work can be done before the clock runs. Starting again changes nothing.
 */
export async function startAttempt(ctx: Ctx, attemptId: string): Promise<{ startedAt: Date }> {
  assertMayWrite(ctx);
  return ctx.db.sql.transaction(async (tx) => {
    const attempt = await loadOwnOpenAttempt(ctx, attemptId, tx);
    await tx.query(
      "INSERT INTO memberships (user_id, incident_id, role) VALUES ($1, $2, 'trainee') ON CONFLICT (user_id, incident_id) DO NOTHING",
      [attempt.trainee_id, attempt.workspace_incident_id],
    );
    const [row] = await tx.query<{ started_at: Date }>(
      "UPDATE exercise_attempts SET started_at = COALESCE(started_at, now()) WHERE id = $1 RETURNING started_at",
      [attemptId],
    );
    return { startedAt: row?.started_at as Date };
  });
}

/** The answer a task has so far (its `answer` column), for the form to show. */
type Saved = { answer: Record<string, unknown>; hints_used: number } | undefined;

/**
 * Records an answer. Forms replace the earlier answer; an exact question adds a try and says
 * whether it was right (after a right try, no more are taken).
 */
export async function answerTask(
  ctx: Ctx,
  attemptId: string,
  taskId: string,
  input: unknown,
): Promise<{ correct?: boolean; tries?: number }> {
  assertMayWrite(ctx);
  return ctx.db.sql.transaction(async (tx) => {
    const attempt = await loadOwnOpenAttempt(ctx, attemptId, tx);
    if (!attempt.started_at) throw new ConflictError("start the exercise first", null);
    assertInTime(attempt);
    const task = taskOf(attempt, taskId);
    if (task.kind === "stage-tags") throw new InvalidRequestError("stage tags are given by tagging events, not by a form");
    const parsed = ANSWER_FORMS[task.kind].safeParse(input);
    if (!parsed.success) throw new InvalidRequestError(`${task.title}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    const [saved] = await tx.query<NonNullable<Saved>>(
      "SELECT answer, hints_used FROM exercise_answers WHERE attempt_id = $1 AND task_id = $2 FOR UPDATE",
      [attemptId, taskId],
    );
    let answer: Record<string, unknown> = parsed.data;
    let verdict: { correct?: boolean; tries?: number } = {};
    if (task.kind === "exact") {
      const tries = (saved?.answer.tries as string[] | undefined) ?? [];
      const key = await readExerciseKey(tx, attempt.exercise_id, attempt.variant);
      const accepted = new Set((key.exact[task.id]?.accepted ?? []).map(normalizeAnswer));
      if (tries.some((t) => accepted.has(normalizeAnswer(t)))) throw new ConflictError(`${task.title}: already answered right`, null);
      const value = (parsed.data as { value: string }).value;
      answer = { tries: [...tries, value] };
      verdict = { correct: accepted.has(normalizeAnswer(value)), tries: tries.length + 1 };
    }
    await tx.query(
      `INSERT INTO exercise_answers (workspace_incident_id, attempt_id, task_id, answer, answered_at, updated_at)
       VALUES ($4, $1, $2, $3::jsonb, now(), now())
       ON CONFLICT (workspace_incident_id, attempt_id, task_id) DO UPDATE SET answer = EXCLUDED.answer, answered_at = now(), updated_at = now()`,
      [attemptId, taskId, JSON.stringify(answer), attempt.workspace_incident_id],
    );
    return verdict;
  });
}

/** Gives the task's next hint and counts it against the task. */
export async function takeHint(ctx: Ctx, attemptId: string, taskId: string): Promise<{ hint: string; hintsUsed: number }> {
  assertMayWrite(ctx);
  return ctx.db.sql.transaction(async (tx) => {
    const attempt = await loadOwnOpenAttempt(ctx, attemptId, tx);
    if (!attempt.started_at) throw new ConflictError("start the exercise first", null);
    assertInTime(attempt);
    const task: Task = taskOf(attempt, taskId);
    const [saved] = await tx.query<NonNullable<Saved>>(
      "SELECT answer, hints_used FROM exercise_answers WHERE attempt_id = $1 AND task_id = $2 FOR UPDATE",
      [attemptId, taskId],
    );
    const used = saved?.hints_used ?? 0;
    if (used >= task.hints) throw new ConflictError(`${task.title}: no more hints`, null);
    const key = await readExerciseKey(tx, attempt.exercise_id, attempt.variant);
    const hint = key.hints[task.id]?.[used];
    if (!hint) throw new ConflictError(`${task.title}: no more hints`, null);
    await tx.query(
      `INSERT INTO exercise_answers (workspace_incident_id, attempt_id, task_id, hints_used, updated_at) VALUES ($3, $1, $2, 1, now())
       ON CONFLICT (workspace_incident_id, attempt_id, task_id) DO UPDATE SET hints_used = exercise_answers.hints_used + 1, updated_at = now()`,
      [attemptId, taskId, attempt.workspace_incident_id],
    );
    return { hint, hintsUsed: used + 1 };
  });
}
