import type { Ctx } from "@/lib/context/ctx";
import { dropOrphanPartitions } from "@/lib/ingest/event-partitions";

/**
 * Removes what a failed exercise set-up made (its workspaces, then the exercise with its keys and
 * attempts), so a failure leaves no half-made exercise behind. Each step of the set-up commits on
 * its own (an import is its own transaction), hence an undo rather than one transaction.
 */
export async function undoExercise(ctx: Ctx, exerciseId: string | null, workspaceIds: readonly string[]): Promise<void> {
  if (workspaceIds.length > 0) {
    await ctx.db.sql.query("DELETE FROM incidents WHERE id = ANY($1::uuid[])", [workspaceIds]);
    await dropOrphanPartitions(ctx.db.sql);
  }
  if (exerciseId) await ctx.db.sql.query("DELETE FROM exercises WHERE id = $1", [exerciseId]);
}
