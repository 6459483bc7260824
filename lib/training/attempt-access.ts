// Who may see an attempt: its trainee, and the exercise's instructor. Anyone else is told it does
// not exist, as with incidents.

import { isUuid } from "@/lib/access/is-uuid";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { ConflictError } from "@/lib/errors/conflict";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { NotFoundError } from "@/lib/errors/not-found";
import type { Task } from "./tasks";

export type AttemptRow = {
  id: string;
  exercise_id: string;
  title: string;
  tasks: Task[];
  time_limit_minutes: number | null;
  instructor_id: string;
  trainee_id: string;
  workspace_incident_id: string;
  variant: number;
  started_at: Date | null;
  submitted_at: Date | null;
  score: string | null;
  worth: string | null;
  result: unknown;
};

/** The attempt and the asker's part in it; NotFoundError for anyone who has none. */
export async function loadAttempt(
  ctx: Ctx,
  attemptId: string,
  sql: SqlRunner = ctx.db.sql,
  /** Lock the attempt's row until the transaction ends: every write takes it, so they run one at a time. */
  lock = false,
): Promise<{ attempt: AttemptRow; as: "trainee" | "instructor" }> {
  if (!isUuid(attemptId)) throw new NotFoundError("no such attempt");
  const [attempt] = await sql.query<AttemptRow>(
    `SELECT a.id, a.exercise_id, x.title, x.tasks, x.time_limit_minutes, x.created_by_id AS instructor_id, a.trainee_id,
            a.workspace_incident_id, a.variant, a.started_at, a.submitted_at, a.score::text, a.worth::text, a.result
     FROM exercise_attempts a JOIN exercises x ON x.id = a.exercise_id WHERE a.id = $1${lock ? " FOR UPDATE OF a" : ""}`,
    [attemptId],
  );
  if (attempt?.trainee_id === ctx.actor.userId) return { attempt, as: "trainee" };
  if (attempt?.instructor_id === ctx.actor.userId) return { attempt, as: "instructor" };
  throw new NotFoundError("no such attempt");
}

/**
 * The attempt, locked, for its own trainee to work on in the transaction `tx`: refused once
 * submitted (checked after the lock, so two submissions or an answer racing a submission cannot
 * both pass).
 */
export async function loadOwnOpenAttempt(ctx: Ctx, attemptId: string, tx: SqlRunner): Promise<AttemptRow> {
  const { attempt, as } = await loadAttempt(ctx, attemptId, tx, true);
  if (as !== "trainee") throw new ForbiddenError("only the trainee works on an attempt");
  if (attempt.submitted_at) throw new ForbiddenError("this attempt has been submitted");
  return attempt;
}

/** When the attempt's time runs out (null: no limit, or not started). */
export function deadlineOf(attempt: AttemptRow): Date | null {
  return attempt.started_at && attempt.time_limit_minutes
    ? new Date(attempt.started_at.getTime() + attempt.time_limit_minutes * 60_000)
    : null;
}

/** Refuses work once the time limit has passed (the answers given in time stand; submitting is still possible). */
export function assertInTime(attempt: AttemptRow, now = new Date()): void {
  const deadline = deadlineOf(attempt);
  if (deadline && now > deadline) throw new ConflictError("the time limit has passed: submit your answers", null);
}

/** The task of an attempt's exercise, or NotFoundError. */
export function taskOf(attempt: AttemptRow, taskId: string): Task {
  const task = attempt.tasks.find((t) => t.id === taskId);
  if (!task) throw new NotFoundError(`the exercise has no task "${taskId}"`);
  return task;
}
