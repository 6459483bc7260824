import { type Db, getDb } from "@/lib/db";
import { ensureLocalUser } from "@/lib/users/ensure-local-user";
import type { Ctx } from "./ctx";

/**
 * The request context for the web app and the CLI: the process's database and the local user.
 * When sign-in lands, the web app builds Ctx from the session instead; lib/ does not change.
 */
export async function getLocalContext(db?: Db): Promise<Ctx> {
  const database = db ?? (await getDb());
  return { db: database, actor: await ensureLocalUser(database) };
}
