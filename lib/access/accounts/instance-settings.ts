import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";
import { assertAdmin } from "../authorize";

/** How single sign-on makes accounts: on first sign-in ("open") or only for an invited address ("invite"). */
export const ZInstanceSettings = z.object({ ssoSignup: z.enum(["open", "invite"]) });

/** The instance's settings as the Admin page shows them. */
export async function getInstanceSettings(db: Db) {
  const row = await db.prisma.instanceSettings.findUnique({ where: { id: 1 }, select: { ssoSignup: true, updatedAt: true } });
  return row ?? { ssoSignup: "invite", updatedAt: null };
}

/** The instance admin changes the settings (audited). */
export async function updateInstanceSettings(ctx: Ctx, input: z.input<typeof ZInstanceSettings>) {
  assertAdmin(ctx);
  const data = ZInstanceSettings.parse(input);
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.instanceSettings.findUnique({ where: { id: 1 }, select: { ssoSignup: true } });
    const after = await tx.instanceSettings.update({ where: { id: 1 }, data, select: { ssoSignup: true } });
    await recordAudit(tx, ctx, { action: "settings.update", entityType: "InstanceSettings", entityId: "1", before, after });
    return after;
  });
}
