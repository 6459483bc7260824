import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";

export type StageListItem = {
  id: string;
  key: string;
  name: string;
  description: string;
  position: number;
  attackTactic: string | null;
  events: number;
};

/**
 * The incident's stages in chain order, with how many events each tags (empty when not a
 * member). Evidence readers get them too, to tag with: a trainee's workspace lists its stages in
 * an order that gives nothing away.
 */
export async function listStages(ctx: Ctx, incidentId: string): Promise<StageListItem[]> {
  if (!(await can(ctx, incidentId, "chain.view")) && !(await can(ctx, incidentId, "evidence.view"))) return [];
  const rows = await ctx.db.sql.query<{
    id: string;
    key: string;
    name: string;
    description: string;
    position: number;
    attack_tactic: string | null;
    n: number;
  }>(
    `SELECT st.id, st.key, st.name, st.description, st.position, st.attack_tactic,
            (SELECT count(*)::int FROM events e WHERE e.incident_id = $1 AND e.stage_id = st.id) AS n
     FROM stages st JOIN memberships m ON m.incident_id = st.incident_id AND m.user_id = $2
     WHERE st.incident_id = $1 ORDER BY st.position`,
    [incidentId, ctx.actor.userId],
  );
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    description: r.description,
    position: r.position,
    attackTactic: r.attack_tactic,
    events: r.n,
  }));
}
