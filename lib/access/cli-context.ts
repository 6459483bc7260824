import type { Ctx } from "@/lib/context/ctx";
import { getLocalContext } from "@/lib/context/get-local-context";
import type { Db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors/not-found";
import { actorOfUser } from "./actor-of-user";

/**
 * Who the CLI acts as when run on the server itself (as tsctl does for Timesketch): the account
 * named by --as (or CHAINLINE_AS), else the instance admin, else, before any account exists, the
 * local user.
 */
export async function getCliContext(db: Db, as?: string): Promise<Ctx> {
  const email = (as ?? process.env.CHAINLINE_AS ?? "").trim().toLowerCase();
  if (email) {
    const user = await db.prisma.user.findFirst({ where: { email, disabledAt: null, isLocal: false } });
    if (!user) throw new NotFoundError(`no active account ${email} (--as)`);
    return { db, actor: actorOfUser(user, "cli") };
  }
  const admin = await db.prisma.user.findFirst({ where: { isAdmin: true, disabledAt: null }, orderBy: { createdAt: "asc" } });
  if (admin) return { db, actor: actorOfUser(admin, "cli") };
  return getLocalContext(db);
}
