import type { Db } from "@/lib/db";

/** Whether an address has an invitation that is neither used, revoked nor expired. */
export async function hasPendingInvitation(db: Db, email: string): Promise<boolean> {
  const [row] = await db.sql.query(
    "SELECT 1 FROM invitations WHERE lower(email) = lower($1) AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() LIMIT 1",
    [email],
  );
  return Boolean(row);
}
