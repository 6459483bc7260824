import { authorize } from "@/lib/access/authorize";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors/not-found";
import { type AnnotateAction, type TAnnotateEvents, ZAnnotateEvents } from "@/lib/schemas/annotations";
import { setEventStage } from "./set-event-stage";
import { updateChainStep } from "./update-chain-step";

/** What an annotate call did: how many events (or annotations) it changed. */
export type AnnotateResult = { action: AnnotateAction; eventIds: string[]; changed: number };

const KIND = { tag: "tag", untag: "tag", star: "star", unstar: "star", comment: "comment", key: "key_event", unkey: "key_event" } as const;

/**
 * One analyst change to one or many events of an incident, in one transaction with its audit
 * entry: add or remove a tag, star or unstar, comment, mark or unmark as key event, attach to
 * or detach from a chain step (as key evidence), or set the stage. Adding a tag, star or key
 * mark an event already has adds nothing. Refused (NotFoundError) when the actor is not a member
 * or an event is not the incident's.
 */
export async function annotateEvents(ctx: Ctx, incidentId: string, input: TAnnotateEvents): Promise<AnnotateResult> {
  const data = ZAnnotateEvents.parse(input);
  const ids = [...new Set(data.eventIds.map(String))];
  return ctx.db.sql.transaction(async (tx) => {
    await authorize(ctx, incidentId, "evidence.annotate", tx);
    const [found] = await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND id = ANY($2::bigint[])",
      [incidentId, ids],
    );
    const missing = ids.length - Number(found?.n ?? 0);
    if (missing > 0) throw new NotFoundError(`${missing} of the ${ids.length} events are not in incident ${incidentId}`);

    // The shared actions run inside this transaction (nested as a savepoint) and audit themselves.
    const inTx: Ctx = { ...ctx, db: { ...ctx.db, sql: tx } };
    const done = (changed: number): AnnotateResult => ({ action: data.action, eventIds: ids, changed });
    switch (data.action) {
      case "stage":
        return done((await setEventStage(inTx, incidentId, { eventIds: ids, stageKey: data.stageKey })).changed);
      case "attach":
      case "detach": {
        const [step] = await tx.query("SELECT 1 FROM chain_steps WHERE id::text = $1 AND incident_id = $2", [data.stepId, incidentId]);
        if (!step) throw new NotFoundError(`incident has no chain step ${data.stepId}`);
        const before = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM chain_step_events WHERE step_id = $1", [data.stepId]);
        await updateChainStep(inTx, data.stepId, data.action === "attach" ? { addEventIds: ids } : { removeEventIds: ids });
        const after = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM chain_step_events WHERE step_id = $1", [data.stepId]);
        return done(Math.abs(Number(after[0]?.n ?? 0) - Number(before[0]?.n ?? 0)));
      }
      case "tag":
      case "star":
      case "key":
      case "comment": {
        const value = "value" in data ? data.value : "";
        const added = await addAnnotations(tx, ctx, incidentId, ids, KIND[data.action], value, data.action !== "comment");
        await recordAuditSql(tx, ctx, {
          action: `event.${data.action}`,
          entityType: "Event",
          entityId: entityLabel(ids),
          incidentId,
          after: { kind: KIND[data.action], value, eventIds: ids, annotationIds: added },
        });
        return done(added.length);
      }
      case "untag":
      case "unstar":
      case "unkey": {
        const value = "value" in data ? data.value : null;
        const removed = await tx.query(
          `DELETE FROM annotations WHERE incident_id = $1 AND event_id = ANY($2::bigint[]) AND kind = $3::annotation_kind
             AND ($4::text IS NULL OR value = $4) RETURNING id, event_id::text AS event_id, kind, value, author_id, created_at`,
          [incidentId, ids, KIND[data.action], value],
        );
        await recordAuditSql(tx, ctx, {
          action: `event.${data.action}`,
          entityType: "Event",
          entityId: entityLabel(ids),
          incidentId,
          before: removed,
          after: { kind: KIND[data.action], value, eventIds: ids },
        });
        return done(removed.length);
      }
    }
  });
}

/** Inserts one annotation per event (skipping events that already carry it when `once`); returns the new ids. */
async function addAnnotations(
  tx: SqlRunner,
  ctx: Ctx,
  incidentId: string,
  ids: string[],
  kind: string,
  value: string,
  once: boolean,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO annotations (incident_id, event_id, kind, value, author_id)
     SELECT e.incident_id, e.id, $3::annotation_kind, $4, $5 FROM events e
     WHERE e.incident_id = $1 AND e.id = ANY($2::bigint[])
       AND NOT ($6::boolean AND EXISTS (SELECT 1 FROM annotations a WHERE a.event_id = e.id AND a.kind = $3::annotation_kind AND a.value = $4))
     ORDER BY e.id
     RETURNING id::text AS id`,
    [incidentId, ids, kind, value, ctx.actor.userId, once],
  );
  return rows.map((r) => r.id);
}

/** The audit entry's entity id: the event's id, or "N events" for a bulk change (the ids are in `after`). */
function entityLabel(ids: string[]): string {
  return ids.length === 1 ? (ids[0] ?? "") : `${ids.length} events`;
}
