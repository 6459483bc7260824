import { authorize } from "@/lib/access/authorize";
import { isUuid } from "@/lib/access/is-uuid";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { type TCreateHypothesis, type TUpdateHypothesis, ZCreateHypothesis, ZUpdateHypothesis } from "@/lib/schemas/chain";

/** A competing explanation, optionally attached to chain steps; audited. */
export async function createHypothesis(ctx: Ctx, incidentId: string, input: TCreateHypothesis) {
  const data = ZCreateHypothesis.parse(input);
  return ctx.db.sql.transaction(async (tx) => {
    await authorize(ctx, incidentId, "evidence.edit", tx);
    const [h] = await tx.query<{ id: string }>(
      `INSERT INTO hypotheses (incident_id, title, description, status, source) VALUES ($1, $2, $3, $4::hypothesis_status, $5) RETURNING *`,
      [incidentId, data.title, data.description, data.status, data.source],
    );
    if (!h) throw new Error("hypothesis was not written");
    await tx.query(
      `INSERT INTO chain_step_hypotheses (incident_id, step_id, hypothesis_id)
       SELECT $3, s.id, $2 FROM chain_steps s WHERE s.id = ANY($1::uuid[]) AND s.incident_id = $3`,
      [data.stepIds, h.id, incidentId],
    );
    await recordAuditSql(tx, ctx, {
      action: "hypothesis.create",
      entityType: "Hypothesis",
      entityId: h.id,
      incidentId,
      after: { ...h, stepIds: data.stepIds },
    });
    return h;
  });
}

/** Changes a hypothesis's wording or status, or records events that support or contradict it. */
export async function updateHypothesis(ctx: Ctx, hypothesisId: string, input: TUpdateHypothesis) {
  const data = ZUpdateHypothesis.parse(input);
  if (!isUuid(hypothesisId)) throw new NotFoundError(`no hypothesis ${hypothesisId}`);
  return ctx.db.sql.transaction(async (tx) => {
    const [before] = await tx.query<{ incident_id: string }>(
      "SELECT h.* FROM hypotheses h JOIN memberships m ON m.incident_id = h.incident_id AND m.user_id = $2 WHERE h.id = $1 FOR UPDATE OF h",
      [hypothesisId, ctx.actor.userId],
    );
    if (!before) throw new NotFoundError(`no hypothesis ${hypothesisId} (or you are not a member of its incident)`);
    await authorize(ctx, before.incident_id, "evidence.edit", tx);
    await tx.query(
      `UPDATE hypotheses SET title = coalesce($2, title), description = coalesce($3, description),
         status = coalesce($4::hypothesis_status, status), updated_at = now() WHERE id = $1`,
      [hypothesisId, data.title ?? null, data.description ?? null, data.status ?? null],
    );
    for (const ev of data.evidence ?? []) {
      await tx.query(
        `INSERT INTO hypothesis_evidence (incident_id, hypothesis_id, event_id, stance, note)
         SELECT $5, $1, e.id, $3, $4 FROM events e WHERE e.id = $2 AND e.incident_id = $5
         ON CONFLICT (incident_id, hypothesis_id, event_id) DO UPDATE SET stance = excluded.stance, note = excluded.note`,
        [hypothesisId, String(ev.eventId), ev.stance, ev.note, before.incident_id],
      );
    }
    const [after] = await tx.query("SELECT * FROM hypotheses WHERE id = $1", [hypothesisId]);
    await recordAuditSql(tx, ctx, {
      action: "hypothesis.update",
      entityType: "Hypothesis",
      entityId: hypothesisId,
      incidentId: before.incident_id,
      before,
      after: { ...after, evidence: data.evidence },
    });
    return after;
  });
}
