import type { SqlRunner } from "@/lib/db/sql";
import { type AuditWho, auditWhoColumns } from "./audit-who";
import type { AuditInput } from "./record-audit";
import { toAuditJson } from "./to-audit-json";

/** recordAudit for code that writes with raw SQL: the entry lands in the caller's transaction. */
export async function recordAuditSql(tx: SqlRunner, who: AuditWho, input: AuditInput): Promise<void> {
  const w = auditWhoColumns(who);
  await tx.query(
    `INSERT INTO audit_entries (actor_id, actor_label, ip_address, incident_id, action, entity_type, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)`,
    [
      w.actorId,
      w.actorLabel,
      w.ipAddress,
      input.incidentId ?? null,
      input.action,
      input.entityType,
      input.entityId,
      input.before === undefined ? null : JSON.stringify(toAuditJson(input.before)),
      input.after === undefined ? null : JSON.stringify(toAuditJson(input.after)),
    ],
  );
}
