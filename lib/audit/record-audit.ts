import { Prisma } from "@/lib/generated/prisma/client";
import { type AuditWho, auditWhoColumns } from "./audit-who";
import { toAuditJson } from "./to-audit-json";

/** One change to record: what was done to which row, and the row before and after. */
export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  incidentId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Writes an AuditEntry inside the caller's transaction, so the change and its record land together. */
export async function recordAudit(tx: Prisma.TransactionClient, who: AuditWho, input: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      ...auditWhoColumns(who),
      incidentId: input.incidentId ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: input.before === undefined ? Prisma.DbNull : toAuditJson(input.before),
      after: input.after === undefined ? Prisma.DbNull : toAuditJson(input.after),
    },
  });
}
