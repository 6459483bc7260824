import { authorize } from "@/lib/access/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import type { GapReason } from "@/lib/generated/prisma/client";

/** A period with no visibility that someone knows of (a retention window, a source never collected). */
export type DeclareGapInput = {
  incidentId: string;
  sourceId?: string | null;
  scope: string;
  startAt: Date;
  endAt: Date;
  reason: GapReason;
  description: string;
  detail?: Record<string, unknown>;
};

/** Records a declared evidence gap, once: the same scope, window and reason is not added twice. */
export async function declareGap(ctx: Ctx, input: DeclareGapInput) {
  await authorize(ctx, input.incidentId, "evidence.edit");
  return ctx.db.prisma.$transaction(async (tx) => {
    const existing = await tx.gap.findFirst({
      where: {
        incidentId: input.incidentId,
        scope: input.scope,
        reason: input.reason,
        startAt: input.startAt,
        endAt: input.endAt,
        origin: "declared",
      },
    });
    if (existing) return existing;
    const gap = await tx.gap.create({
      data: {
        incidentId: input.incidentId,
        sourceId: input.sourceId ?? null,
        scope: input.scope,
        startAt: input.startAt,
        endAt: input.endAt,
        reason: input.reason,
        origin: "declared",
        description: input.description,
        detail: (input.detail ?? {}) as never,
      },
    });
    await recordAudit(tx, ctx, { action: "gap.declare", entityType: "Gap", entityId: gap.id, incidentId: input.incidentId, after: gap });
    return gap;
  });
}
