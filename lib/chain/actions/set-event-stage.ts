import { authorize } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { refreshEventHourlyFor } from "@/lib/rollup/event-hourly";
import { type TSetEventStage, ZSetEventStage } from "@/lib/schemas/chain";

/**
 * Tags events with a stage by hand. A hand tag always wins over the rules (they never overwrite
 * it); clearing it (stageKey null) hands the events back to the rules on their next run. Audited.
 */
export async function setEventStage(ctx: Ctx, incidentId: string, input: TSetEventStage) {
  const data = ZSetEventStage.parse(input);
  return ctx.db.sql.transaction(async (tx) => {
    await authorize(ctx, incidentId, "evidence.annotate", tx);
    let stageId: string | null = null;
    if (data.stageKey !== null) {
      const [stage] = await tx.query<{ id: string }>("SELECT id FROM stages WHERE incident_id = $1 AND key = $2", [
        incidentId,
        data.stageKey,
      ]);
      if (!stage) throw new NotFoundError(`incident has no stage "${data.stageKey}"`);
      stageId = stage.id;
    }
    const ids = data.eventIds.map(String);
    const before = await tx.query(
      "SELECT id, stage_id, technique, stage_set_by FROM events WHERE incident_id = $1 AND id = ANY($2::bigint[])",
      [incidentId, ids],
    );
    const changed = await tx.query<{ id: number }>(
      `UPDATE events SET stage_id = $3, stage_set_by = $4, technique = CASE WHEN $5::boolean THEN $6 ELSE technique END
       WHERE incident_id = $1 AND id = ANY($2::bigint[]) RETURNING id`,
      [incidentId, ids, stageId, stageId ? "hand" : null, data.technique !== undefined, data.technique ?? null],
    );
    await refreshEventHourlyFor(tx, incidentId, ids);
    await recordAuditSql(tx, ctx, {
      action: "event.set-stage",
      entityType: "Event",
      entityId: ids.length === 1 ? (ids[0] ?? "") : `${ids.length} events`,
      incidentId,
      before,
      after: { stageKey: data.stageKey, technique: data.technique, eventIds: ids },
    });
    return { changed: changed.length };
  });
}
