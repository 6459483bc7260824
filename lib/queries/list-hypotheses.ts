import { can } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";

export type HypothesisView = {
  id: string;
  title: string;
  description: string;
  status: string;
  source: string;
  steps: { id: string; stageKey: string }[];
  evidence: { eventId: string; stance: string; note: string }[];
};

/** The incident's competing hypotheses with the steps they explain and the events for and against them. */
export async function listHypotheses(ctx: Ctx, incidentId: string): Promise<HypothesisView[]> {
  if (!(await can(ctx, incidentId, "chain.view"))) return [];
  const mayOpenEvidence = await can(ctx, incidentId, "evidence.view");
  const sql = ctx.db.sql;
  const [hypotheses, steps, evidence] = await Promise.all([
    sql.query<{ id: string; title: string; description: string; status: string; source: string }>(
      `SELECT h.id, h.title, h.description, h.status, h.source FROM hypotheses h
       JOIN memberships m ON m.incident_id = h.incident_id AND m.user_id = $2 WHERE h.incident_id = $1 ORDER BY h.created_at, h.title`,
      [incidentId, ctx.actor.userId],
    ),
    sql.query<{ hypothesis_id: string; id: string; key: string }>(
      `SELECT sh.hypothesis_id, s.id, st.key FROM chain_step_hypotheses sh JOIN chain_steps s ON s.id = sh.step_id
       JOIN stages st ON st.id = s.stage_id WHERE s.incident_id = $1 ORDER BY st.position`,
      [incidentId],
    ),
    sql.query<{ hypothesis_id: string; event_id: number; stance: string; note: string }>(
      `SELECT he.hypothesis_id, he.event_id, he.stance, he.note FROM hypothesis_evidence he
       JOIN hypotheses h ON h.id = he.hypothesis_id WHERE h.incident_id = $1 ORDER BY he.created_at`,
      [incidentId],
    ),
  ]);
  return hypotheses.map((h) => ({
    ...h,
    steps: steps.filter((s) => s.hypothesis_id === h.id).map((s) => ({ id: s.id, stageKey: s.key })),
    evidence: evidence
      .filter((e) => e.hypothesis_id === h.id)
      // Executives see how much evidence stands for and against, not the events or notes on them.
      .map((e) =>
        mayOpenEvidence ? { eventId: String(e.event_id), stance: e.stance, note: e.note } : { eventId: "", stance: e.stance, note: "" },
      ),
  }));
}
