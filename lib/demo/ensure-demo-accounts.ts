import { createAccountTx } from "@/lib/access/accounts/create-account";
import { needsFirstAdmin, setupFirstAdmin } from "@/lib/access/accounts/setup-first-admin";
import { getCliContext } from "@/lib/access/cli-context";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD_DEFAULT } from "./demo-accounts";

/**
 * Creates the demo accounts that do not exist yet (the first becomes the instance admin when the
 * instance has none) and returns the context of the demo admin, who loads the demo incident.
 */
export async function ensureDemoAccounts(db: Db, password = process.env.DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT): Promise<Ctx> {
  const [first, ...rest] = DEMO_ACCOUNTS;
  if (!first) throw new Error("no demo accounts defined");
  if (await needsFirstAdmin(db)) await setupFirstAdmin(db, { email: first.email, name: first.name, password });
  else if (!(await db.prisma.user.findUnique({ where: { email: first.email } }))) {
    await db.prisma.$transaction((tx) => createAccountTx(tx, null, { email: first.email, name: first.name, password }, { isAdmin: true }));
  }
  const admin = await getCliContext(db, first.email);
  for (const a of rest) {
    if (await db.prisma.user.findUnique({ where: { email: a.email } })) continue;
    await db.prisma.$transaction((tx) => createAccountTx(tx, admin, { email: a.email, name: a.name, password }, { isAdmin: a.isAdmin }));
  }
  return admin;
}

/** Makes each demo account a member of the demo incident in its role (idempotent, audited). */
export async function ensureDemoMemberships(admin: Ctx, incidentId: string): Promise<void> {
  await admin.db.prisma.$transaction(async (tx) => {
    for (const a of DEMO_ACCOUNTS) {
      if (!a.role) continue;
      const user = await tx.user.findUnique({ where: { email: a.email } });
      if (!user) continue;
      const existing = await tx.membership.findUnique({ where: { userId_incidentId: { userId: user.id, incidentId } } });
      if (existing) continue;
      await tx.membership.create({ data: { userId: user.id, incidentId, role: a.role } });
      await recordAudit(tx, admin, {
        action: "member.add",
        entityType: "User",
        entityId: user.id,
        incidentId,
        after: { email: a.email, role: a.role },
      });
    }
  });
}
