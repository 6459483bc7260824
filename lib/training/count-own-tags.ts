import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";

/** How many events of a workspace carry a stage set by hand: the trainee's tags so far. */
export async function countOwnTags(ctx: Ctx, workspaceId: string): Promise<number> {
  if (!(await can(ctx, workspaceId, "evidence.view"))) return 0;
  const [row] = await ctx.db.sql.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND stage_set_by = 'hand'",
    [workspaceId],
  );
  return row?.n ?? 0;
}
