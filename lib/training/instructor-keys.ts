// The answer keys of an exercise, for its instructor only: what each trainee's variant changed
// and what it answers, to run the debrief (and for tests to compute a score independently).

import { isUuid } from "@/lib/access/is-uuid";
import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { type ExerciseKey, refId } from "./exercise-key";
import { readExerciseKey } from "./exercise-keys";
import { workspaceEventIds } from "./workspace-events";

export type AttemptKey = {
  attemptId: string;
  trainee: string;
  email: string;
  workspaceId: string;
  key: ExerciseKey;
  /** The trainee's workspace event of each key event, by "file:line". */
  eventIds: Record<string, string>;
};

export async function instructorKeys(ctx: Ctx, exerciseId: string): Promise<AttemptKey[]> {
  if (!isUuid(exerciseId)) throw new NotFoundError("no such exercise");
  const rows = await ctx.db.sql.query<{ id: string; name: string; email: string; variant: number; workspace_incident_id: string }>(
    `SELECT a.id, u.name, u.email, a.variant, a.workspace_incident_id FROM exercise_attempts a JOIN exercises x ON x.id = a.exercise_id
     JOIN users u ON u.id = a.trainee_id WHERE a.exercise_id = $1 AND x.created_by_id = $2 ORDER BY u.name, u.email`,
    [exerciseId, ctx.actor.userId],
  );
  if (rows.length === 0) {
    const [mine] = await ctx.db.sql.query("SELECT 1 FROM exercises WHERE id = $1 AND created_by_id = $2", [exerciseId, ctx.actor.userId]);
    if (!mine) throw new NotFoundError("no such exercise");
  }
  const out: AttemptKey[] = [];
  for (const r of rows) {
    const key = await readExerciseKey(ctx.db.sql, exerciseId, r.variant);
    const ids = await workspaceEventIds(ctx.db.sql, r.workspace_incident_id, key.stageTags.map(refId));
    out.push({
      attemptId: r.id,
      trainee: r.name,
      email: r.email,
      workspaceId: r.workspace_incident_id,
      key,
      eventIds: Object.fromEntries(ids),
    });
  }
  return out;
}
