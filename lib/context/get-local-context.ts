import { type Db, getDb } from "@/lib/db";
import { ensureLocalUser } from "@/lib/users/ensure-local-user";
import type { Ctx } from "./ctx";

/**
 * The local user's context: what tests use, and what the CLI acts as before any account exists.
 * The web app builds its Ctx from the session or token (lib/access/request-context.ts), the CLI
 * from --as (lib/access/cli-context.ts).
 */
export async function getLocalContext(db?: Db): Promise<Ctx> {
  const database = db ?? (await getDb());
  return { db: database, actor: await ensureLocalUser(database) };
}
