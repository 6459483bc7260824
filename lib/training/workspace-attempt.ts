import type { Ctx } from "@/lib/context/ctx";

/** The attempt whose workspace this incident is, when the asker is its trainee or its instructor; else null. */
export async function workspaceAttempt(ctx: Ctx, incidentId: string): Promise<{ id: string; title: string } | null> {
  const [row] = await ctx.db.sql.query<{ id: string; title: string }>(
    `SELECT a.id, x.title FROM exercise_attempts a JOIN exercises x ON x.id = a.exercise_id
     WHERE a.workspace_incident_id = $1 AND (a.trainee_id = $2 OR x.created_by_id = $2)`,
    [incidentId, ctx.actor.userId],
  );
  return row ?? null;
}
