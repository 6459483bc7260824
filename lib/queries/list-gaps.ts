import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";

export type GapView = {
  id: string;
  sourceId: string | null;
  sourceName: string | null;
  scope: string;
  startAt: string;
  endAt: string;
  reason: string;
  origin: string;
  description: string;
  /** How a detected gap was found: method, threshold, expected events. */
  detail: Record<string, unknown>;
  /** The chain steps the gap is linked to, by stage key. */
  stepStages: string[];
};

/** Every evidence gap of the incident, oldest first, with the steps it explains (empty when not a member). */
export async function listGaps(ctx: Ctx, incidentId: string): Promise<GapView[]> {
  if (!(await can(ctx, incidentId, "chain.view"))) return [];
  // Executives see the gaps, not which source (raw evidence) each belongs to.
  const mayOpenEvidence = await can(ctx, incidentId, "evidence.view");
  const rows = await ctx.db.sql.query<{
    id: string;
    source_id: string | null;
    source_name: string | null;
    scope: string;
    start_at: Date;
    end_at: Date;
    reason: string;
    origin: string;
    description: string;
    detail: Record<string, unknown>;
    step_stages: string[];
  }>(
    `SELECT g.id, g.source_id, s.name AS source_name, g.scope, g.start_at, g.end_at, g.reason, g.origin, g.description, g.detail,
            coalesce(array_agg(st.key ORDER BY st.position) FILTER (WHERE st.key IS NOT NULL), '{}') AS step_stages
     FROM gaps g JOIN memberships m ON m.incident_id = g.incident_id AND m.user_id = $2
     LEFT JOIN sources s ON s.id = g.source_id
     LEFT JOIN gap_chain_steps gs ON gs.gap_id = g.id LEFT JOIN chain_steps cs ON cs.id = gs.step_id LEFT JOIN stages st ON st.id = cs.stage_id
     WHERE g.incident_id = $1 GROUP BY g.incident_id, g.id, s.name ORDER BY g.start_at, g.end_at`,
    [incidentId, ctx.actor.userId],
  );
  return rows.map((r) => ({
    id: r.id,
    sourceId: mayOpenEvidence ? r.source_id : null,
    sourceName: mayOpenEvidence ? r.source_name : null,
    scope: r.scope,
    startAt: new Date(r.start_at).toISOString(),
    endAt: new Date(r.end_at).toISOString(),
    reason: r.reason,
    origin: r.origin,
    description: r.description,
    detail: mayOpenEvidence ? r.detail : {},
    stepStages: r.step_stages,
  }));
}
