// Submitting an attempt: the trainee's stage tags are read off their workspace, every answer is
// scored against the variant's key, and the result (points and feedback per task) is stored. The
// instructor grades the brief afterwards, which rescores the attempt.

import { z } from "zod";
import { assertMayWrite } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { ConflictError } from "@/lib/errors/conflict";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { type AttemptRow, deadlineOf, loadAttempt, loadOwnOpenAttempt } from "./attempt-access";
import { refId } from "./exercise-key";
import { readExerciseKey } from "./exercise-keys";
import { type AnswerRow, type AttemptResult, scoreAttempt } from "./score-attempt";
import { workspaceEventIds } from "./workspace-events";

/** Scores the attempt as it stands and stores the result. */
async function rescore(tx: SqlRunner, attempt: AttemptRow, submittedAt: Date, briefGrade: { points: number; comment: string } | null) {
  const key = await readExerciseKey(tx, attempt.exercise_id, attempt.variant);
  const answers = await tx.query<{ task_id: string; answer: Record<string, unknown>; hints_used: number; answered_at: Date | null }>(
    "SELECT task_id, answer, hints_used, answered_at FROM exercise_answers WHERE attempt_id = $1",
    [attempt.id],
  );
  // The tags as frozen at submission (snapshotTags), so later changes in the workspace count for nothing.
  const tagTask = attempt.tasks.find((t) => t.kind === "stage-tags");
  const tags = (answers.find((r) => r.task_id === tagTask?.id)?.answer.tags as [string, string][] | undefined) ?? [];
  const refs = [
    ...new Set([
      ...key.stageTags.map(refId),
      ...tags.map(([ref]) => ref),
      ...Object.values(key.exact).flatMap((x) => x.evidence.map(refId)),
      ...(key.window?.evidence ?? []).map(refId),
    ]),
  ];
  const stageNames = new Map(
    (
      await tx.query<{ key: string; name: string }>("SELECT key, name FROM stages WHERE incident_id = $1", [attempt.workspace_incident_id])
    ).map((r) => [r.key, r.name]),
  );
  const eventIds = await workspaceEventIds(tx, attempt.workspace_incident_id, refs);
  const result = scoreAttempt({
    tasks: attempt.tasks,
    key,
    answers: new Map(
      answers.map((r): [string, AnswerRow] => [
        r.task_id,
        { answer: r.answer, hintsUsed: r.hints_used, answeredAt: r.answered_at?.getTime() ?? null },
      ]),
    ),
    tags: new Map(tags),
    eventIds,
    deadline: deadlineOf(attempt)?.getTime() ?? null,
    submittedAt: submittedAt.getTime(),
    stageName: (k) => stageNames.get(k) ?? k,
    briefGrade,
  });
  await tx.query("UPDATE exercise_attempts SET submitted_at = $2, score = $3, worth = $4, result = $5::jsonb WHERE id = $1", [
    attempt.id,
    submittedAt,
    result.score,
    result.worth,
    JSON.stringify({ ...result, briefGrade }),
  ]);
  return result;
}

/** Copies the trainee's stage tags off the workspace into the stage-tags task's answer. */
async function snapshotTags(tx: SqlRunner, attempt: AttemptRow) {
  const task = attempt.tasks.find((t) => t.kind === "stage-tags");
  if (!task) return;
  const tags = await tx.query<{ ref: string; stage: string }>(
    `SELECT s.name || ':' || e.line_number AS ref, st.key AS stage
     FROM events e JOIN sources s ON s.id = e.source_id JOIN stages st ON st.id = e.stage_id
     WHERE e.incident_id = $1 AND e.stage_set_by = 'hand' ORDER BY e.id`,
    [attempt.workspace_incident_id],
  );
  await tx.query(
    `INSERT INTO exercise_answers (workspace_incident_id, attempt_id, task_id, answer, answered_at, updated_at)
     VALUES ($4, $1, $2, $3::jsonb, now(), now())
     ON CONFLICT (workspace_incident_id, attempt_id, task_id) DO UPDATE SET answer = EXCLUDED.answer, answered_at = now(), updated_at = now()`,
    [attempt.id, task.id, JSON.stringify({ tags: tags.map((t) => [t.ref, t.stage]) }), attempt.workspace_incident_id],
  );
}

/** The trainee hands in: their tags frozen, every task scored once, then read-only. */
export async function submitAttempt(ctx: Ctx, attemptId: string): Promise<AttemptResult> {
  assertMayWrite(ctx);
  return ctx.db.sql.transaction(async (tx) => {
    const attempt = await loadOwnOpenAttempt(ctx, attemptId, tx);
    if (!attempt.started_at) throw new ConflictError("start the exercise first", null);
    await snapshotTags(tx, attempt);
    const result = await rescore(tx, attempt, new Date(), null);
    await recordAuditSql(tx, ctx, {
      action: "exercise.submit",
      entityType: "ExerciseAttempt",
      entityId: attemptId,
      incidentId: attempt.workspace_incident_id,
      after: { score: result.score, worth: result.worth },
    });
    return result;
  });
}

export const ZGradeBrief = z.object({ points: z.number().min(0), comment: z.string().max(2000).default("") });

/** The instructor grades the brief of a submitted attempt against the rubric; the score follows. */
export async function gradeBrief(ctx: Ctx, attemptId: string, input: z.input<typeof ZGradeBrief>): Promise<AttemptResult> {
  assertMayWrite(ctx);
  const grade = ZGradeBrief.parse(input);
  return ctx.db.sql.transaction(async (tx) => {
    const { attempt, as } = await loadAttempt(ctx, attemptId, tx, true);
    if (as !== "instructor") throw new ForbiddenError("only the instructor grades");
    if (!attempt.submitted_at) throw new ConflictError("the attempt has not been submitted", null);
    const brief = attempt.tasks.find((t) => t.kind === "brief");
    if (!brief) throw new InvalidRequestError("the exercise has no brief to grade");
    if (grade.points > brief.worth) throw new InvalidRequestError(`points: at most ${brief.worth}`);
    const result = await rescore(tx, attempt, attempt.submitted_at, { points: grade.points, comment: grade.comment });
    await recordAuditSql(tx, ctx, {
      action: "exercise.grade-brief",
      entityType: "ExerciseAttempt",
      entityId: attemptId,
      incidentId: attempt.workspace_incident_id,
      after: { ...grade, score: result.score },
    });
    return result;
  });
}
