import { createAccountTx } from "@/lib/access/accounts/create-account";
import { actorOfUser } from "@/lib/access/actor-of-user";
import type { IncidentRole } from "@/lib/access/permissions";
import { createIncident } from "@/lib/actions/create-incident";
import type { Ctx } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";

let n = 0;

/** A new password account (tests): its context as if signed in, and its password. */
export async function newAccount(
  db: Db,
  options: { isAdmin?: boolean; name?: string } = {},
): Promise<{ ctx: Ctx; email: string; password: string }> {
  n += 1;
  const email = `user${n}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const password = `correct horse ${n} battery`;
  const user = await db.prisma.$transaction((tx) =>
    createAccountTx(tx, null, { email, name: options.name ?? `User ${n}`, password }, { isAdmin: options.isAdmin }),
  );
  return { ctx: { db, actor: actorOfUser(user, "session") }, email, password };
}

/** An incident owned by a new account, with one more account per role asked for. */
export async function incidentWithRoles(db: Db, roles: IncidentRole[]) {
  const owner = await newAccount(db, { name: "Owner" });
  const incident = await createIncident(owner.ctx, { title: `Access test ${n}` });
  const members: Partial<Record<IncidentRole, Ctx>> = { owner: owner.ctx };
  for (const role of roles) {
    const m = await newAccount(db, { name: role });
    await db.prisma.membership.create({ data: { userId: m.ctx.actor.userId, incidentId: incident.id, role } });
    members[role] = m.ctx;
  }
  const outsider = await newAccount(db, { name: "Outsider" });
  /** The member with this role (throws if the test did not ask for one). */
  const member = (role: IncidentRole): Ctx => {
    const m = members[role];
    if (!m) throw new Error(`no ${role} in this test's incident`);
    return m;
  };
  return { incidentId: incident.id, owner, member, outsider: outsider.ctx };
}
