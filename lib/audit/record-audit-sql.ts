import type { Ctx } from "@/lib/context/ctx";
import type { SqlRunner } from "@/lib/db/sql";
import type { AuditInput } from "./record-audit";
import { toAuditJson } from "./to-audit-json";

/** recordAudit for code that writes with raw SQL: the entry lands in the caller's transaction. */
export async function recordAuditSql(tx: SqlRunner, ctx: Ctx, input: AuditInput): Promise<void> {
  await tx.query(
    `INSERT INTO audit_entries (actor_id, incident_id, action, entity_type, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      ctx.actor.userId,
      input.incidentId ?? null,
      input.action,
      input.entityType,
      input.entityId,
      input.before === undefined ? null : JSON.stringify(toAuditJson(input.before)),
      input.after === undefined ? null : JSON.stringify(toAuditJson(input.after)),
    ],
  );
}
