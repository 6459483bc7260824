// Who may see an attempt: its trainee, and the exercise's instructor. Anyone else is told it does
// not exist, as with incidents.

import { isUuid } from "@/lib/access/is-uuid";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
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
): Promise<{ attempt: AttemptRow; as: "trainee" | "instructor" }> {
  if (!isUuid(attemptId)) throw new NotFoundError("no such attempt");
  const [attempt] = await sql.query<AttemptRow>(
    `SELECT a.id, a.exercise_id, x.title, x.tasks, x.time_limit_minutes, x.created_by_id AS instructor_id, a.trainee_id,
            a.workspace_incident_id, a.variant, a.started_at, a.submitted_at, a.score::text, a.worth::text, a.result
     FROM exercise_attempts a JOIN exercises x ON x.id = a.exercise_id WHERE a.id = $1`,
    [attemptId],
  );
  if (attempt?.trainee_id === ctx.actor.userId) return { attempt, as: "trainee" };
  if (attempt?.instructor_id === ctx.actor.userId) return { attempt, as: "instructor" };
  throw new NotFoundError("no such attempt");
}

/** The attempt, for its own trainee to work on: refused once submitted. */
export async function loadOwnOpenAttempt(ctx: Ctx, attemptId: string, sql: SqlRunner = ctx.db.sql): Promise<AttemptRow> {
  const { attempt, as } = await loadAttempt(ctx, attemptId, sql);
  if (as !== "trainee") throw new ForbiddenError("only the trainee works on an attempt");
  if (attempt.submitted_at) throw new ForbiddenError("this attempt has been submitted");
  return attempt;
}

/** The task of an attempt's exercise, or NotFoundError. */
export function taskOf(attempt: AttemptRow, taskId: string): Task {
  const task = attempt.tasks.find((t) => t.id === taskId);
  if (!task) throw new NotFoundError(`the exercise has no task "${taskId}"`);
  return task;
}
