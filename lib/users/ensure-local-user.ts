import os from "node:os";
import type { Actor } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";

/**
 * The local user's fixed address. Before anyone has an account, the CLI (and the tests) act as
 * this user; the first instance admin then takes over its incidents (lib/access/adopt-local-incidents.ts).
 */
export const LOCAL_USER_EMAIL = "local@chainline.invalid";

/** Creates the local user on first run and returns it as an Actor. */
export async function ensureLocalUser(db: Db): Promise<Actor> {
  const name = process.env.CHAINLINE_USER || os.userInfo().username || "local";
  const user = await db.prisma.user.upsert({
    where: { email: LOCAL_USER_EMAIL },
    create: { email: LOCAL_USER_EMAIL, name, isLocal: true },
    update: {},
  });
  return { userId: user.id, name: user.name, email: user.email, isAdmin: false, via: "cli" };
}
