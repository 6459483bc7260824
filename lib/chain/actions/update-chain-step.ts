import { authorize } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { type TUpdateChainStep, ZUpdateChainStep } from "@/lib/schemas/chain";

/**
 * An analyst's edit of a step. The step becomes the analyst's (the rules stop rebuilding it), a
 * confidence change is added to the history with who, when it took effect and why, and the whole
 * change is audited, all in one transaction.
 */
export async function updateChainStep(ctx: Ctx, stepId: string, input: TUpdateChainStep) {
  const data = ZUpdateChainStep.parse(input);
  if (!isUuid(stepId)) throw new NotFoundError(`no chain step ${stepId}`);
  return ctx.db.sql.transaction(async (tx) => {
    const [before] = await tx.query<Record<string, unknown> & { incident_id: string; confidence: string; confidence_score: number }>(
      `SELECT s.* FROM chain_steps s JOIN memberships m ON m.incident_id = s.incident_id AND m.user_id = $2 WHERE s.id = $1 FOR UPDATE OF s`,
      [stepId, ctx.actor.userId],
    );
    if (!before) throw new NotFoundError(`no chain step ${stepId} (or you are not a member of its incident)`);
    await authorize(ctx, before.incident_id, "evidence.edit", tx);
    await tx.query(
      `UPDATE chain_steps SET origin = 'analyst', updated_at = now(),
         title = coalesce($2, title), rationale = coalesce($3, rationale),
         start_at = CASE WHEN $4::boolean THEN $5::timestamptz ELSE start_at END,
         end_at = CASE WHEN $6::boolean THEN $7::timestamptz ELSE end_at END
       WHERE id = $1`,
      [
        stepId,
        data.title ?? null,
        data.rationale ?? null,
        data.startAt !== undefined,
        data.startAt ?? null,
        data.endAt !== undefined,
        data.endAt ?? null,
      ],
    );
    if (data.confidence !== undefined) {
      const score = data.confidenceScore ?? before.confidence_score;
      await tx.query(
        `INSERT INTO chain_step_confidence (incident_id, step_id, confidence, confidence_score, rationale, effective_at, changed_by_id, origin, citation, attributed_to, cited_on)
         VALUES ($10, $1, $2::confidence, $3, $4, $5, $6, 'analyst', $7, $8, $9::date)`,
        [
          stepId,
          data.confidence,
          score,
          data.reason ?? "",
          data.effectiveAt ?? new Date(),
          ctx.actor.userId,
          data.citation ?? "",
          data.attributedTo ?? null,
          data.citedOn ?? null,
          before.incident_id,
        ],
      );
      // The step shows the latest belief in effect now; a backdated entry may not be the latest.
      await tx.query(
        `UPDATE chain_steps s SET confidence = h.confidence, confidence_score = h.confidence_score
         FROM (SELECT confidence, confidence_score FROM chain_step_confidence WHERE step_id = $1 AND origin = 'analyst' AND effective_at <= now()
               ORDER BY effective_at DESC, id DESC LIMIT 1) h WHERE s.id = $1`,
        [stepId],
      );
    }
    if (data.addEventIds?.length) {
      await tx.query(
        `INSERT INTO chain_step_events (incident_id, step_id, event_id, is_key)
         SELECT $3, $1, e.id, true FROM events e WHERE e.id = ANY($2::bigint[]) AND e.incident_id = $3
         ON CONFLICT (incident_id, step_id, event_id) DO UPDATE SET is_key = true`,
        [stepId, data.addEventIds.map(String), before.incident_id],
      );
    }
    if (data.removeEventIds?.length) {
      await tx.query("DELETE FROM chain_step_events WHERE step_id = $1 AND event_id = ANY($2::bigint[])", [
        stepId,
        data.removeEventIds.map(String),
      ]);
    }
    if (data.hypothesisIds) {
      await tx.query("DELETE FROM chain_step_hypotheses WHERE step_id = $1", [stepId]);
      await tx.query(
        `INSERT INTO chain_step_hypotheses (incident_id, step_id, hypothesis_id)
         SELECT $3, $1, h.id FROM hypotheses h WHERE h.id = ANY($2::uuid[]) AND h.incident_id = $3`,
        [stepId, data.hypothesisIds, before.incident_id],
      );
    }
    const [after] = await tx.query("SELECT * FROM chain_steps WHERE id = $1", [stepId]);
    await recordAuditSql(tx, ctx, {
      action: "chain-step.update",
      entityType: "ChainStep",
      entityId: stepId,
      incidentId: before.incident_id,
      before,
      after: { ...after, change: data },
    });
    return after;
  });
}
