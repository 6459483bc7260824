import os from "node:os";
import type { Actor } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";

/** The one local user's fixed address; real accounts arrive with sign-in. */
export const LOCAL_USER_EMAIL = "local@chainline.invalid";

/** Creates the local user on first run and returns it as an Actor. */
export async function ensureLocalUser(db: Db): Promise<Actor> {
  const name = process.env.CHAINLINE_USER || os.userInfo().username || "local";
  const user = await db.prisma.user.upsert({
    where: { email: LOCAL_USER_EMAIL },
    create: { email: LOCAL_USER_EMAIL, name, isLocal: true },
    update: {},
  });
  return { userId: user.id, name: user.name };
}
