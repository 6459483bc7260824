import { authorize } from "@/lib/access/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { type TUpdateIncidentInput, ZUpdateIncidentSchema } from "@/lib/schemas/incident";
import { nextLifecycle, readInstant } from "./incident-lifecycle";

const FIELDS = ["title", "summary", "timeZone", "status", "containedAt", "closedAt"] as const;

/**
 * Renames an incident, edits its summary and time zone, or moves it through open → contained →
 * closed with dates: owners only (incident.manage), in one transaction with its audit entry,
 * which holds the changed fields before and after.
 */
export async function updateIncident(ctx: Ctx, incidentId: string, input: TUpdateIncidentInput) {
  const data = ZUpdateIncidentSchema.parse(input);
  await authorize(ctx, incidentId, "incident.manage");
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.incident.findUnique({ where: { id: incidentId } });
    if (!before) throw new NotFoundError(`no incident ${incidentId}`);
    // Wall times are read in the zone the incident will have: the one the same form sets.
    const zone = data.timeZone ?? before.timeZone;
    const at = (field: "containedAt" | "closedAt") => {
      const v = data[field];
      return v === undefined || v === null ? v : readInstant(field, v, zone);
    };
    const lifecycle = nextLifecycle(before, { status: data.status, containedAt: at("containedAt"), closedAt: at("closedAt") }, new Date());
    const after = await tx.incident.update({
      where: { id: incidentId },
      data: {
        ...(data.title !== undefined ? { title: data.title } : {}),
        ...(data.summary !== undefined ? { summary: data.summary } : {}),
        ...(data.timeZone !== undefined ? { timeZone: data.timeZone } : {}),
        ...lifecycle,
      },
    });
    const key = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
    const changed = FIELDS.filter((f) => key(before[f]) !== key(after[f]));
    if (changed.length > 0) {
      await recordAudit(tx, ctx, {
        action: changed.includes("status") ? "incident.status" : "incident.update",
        entityType: "Incident",
        entityId: incidentId,
        incidentId,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
      });
    }
    return after;
  });
}
