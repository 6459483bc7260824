import type { Db } from "@/lib/db";

/** Who is acting. Sign-in will fill this from a session; today it is the local user. */
export type Actor = { userId: string; name: string };

/** What every read and write in lib/ is given: the database and the acting user. */
export type Ctx = { db: Db; actor: Actor };
