import type { Db } from "@/lib/db";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { LOCAL_USER_EMAIL } from "@/lib/users/ensure-local-user";
import type { TNewAccount } from "../schemas";
import { createAccountTx } from "./create-account";

/** Whether the instance still needs its first admin (no admin account exists). */
export async function needsFirstAdmin(db: Db): Promise<boolean> {
  return (await db.prisma.user.count({ where: { isAdmin: true } })) === 0;
}

/**
 * Creates the instance admin on first run (the first-visit page and `chainline user create
 * --admin` when no admin exists). Incidents made before there were accounts belong to the local
 * user; the admin becomes their owner too, so nothing made earlier is lost. Refused once an admin
 * exists (serialised by a lock, so two first visits cannot both become admin).
 */
export async function setupFirstAdmin(db: Db, input: TNewAccount) {
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('chainline:first-admin'))");
    if ((await tx.user.count({ where: { isAdmin: true } })) > 0)
      throw new InvalidRequestError("this instance already has an admin: sign in instead");
    const admin = await createAccountTx(tx, null, input, { isAdmin: true });
    const adopted = await tx.$executeRawUnsafe(
      `INSERT INTO memberships (user_id, incident_id, role)
       SELECT $1::uuid, m.incident_id, 'owner' FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE u.email = $2 ON CONFLICT (user_id, incident_id) DO NOTHING`,
      admin.id,
      LOCAL_USER_EMAIL,
    );
    return { admin, adoptedIncidents: adopted };
  });
}
