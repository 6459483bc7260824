import type { Ctx } from "@/lib/context/ctx";
import { getDb } from "@/lib/db";
import { UnauthenticatedError } from "@/lib/errors/unauthenticated";
import { actorOfUser } from "./actor-of-user";
import { getAuth } from "./auth";
import { getCliContext } from "./cli-context";
import { clientIp } from "./client-ip";
import { isLocalSecret, matchesLocalSecret } from "./local-app";
import { resolveApiToken } from "./tokens/resolve-api-token";

/** Whom a local CLI run acts as (its --as), sent with the local secret. */
export const LOCAL_AS_HEADER = "x-chainline-as";

function isLoopback(ip: string | undefined): boolean {
  return ip === "127.0.0.1" || ip === "::1" || ip === "::ffff:127.0.0.1";
}

/**
 * Who is asking, from a request's headers: a Bearer personal access token, else the session
 * cookie. Throws UnauthenticatedError when neither names an active account.
 */
export async function contextFromHeaders(headers: Headers, use: { method: string; path: string }): Promise<Ctx> {
  const db = await getDb();
  const ip = clientIp(headers);
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new UnauthenticatedError("Authorization must be 'Bearer <token>'");
    if (isLocalSecret(match[1])) {
      // The CLI on this machine, beside the app that holds the embedded database (lib/access/local-app.ts).
      if (!matchesLocalSecret(match[1]) || !isLoopback(ip)) throw new UnauthenticatedError("not this app's local secret");
      return getCliContext(db, headers.get(LOCAL_AS_HEADER) ?? undefined);
    }
    return { db, actor: await resolveApiToken(db, match[1], { ip, ...use }) };
  }
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) throw new UnauthenticatedError();
  const user = await db.prisma.user.findUnique({ where: { id: session.user.id } });
  if (!user || user.disabledAt) throw new UnauthenticatedError("this account is disabled");
  return { db, actor: actorOfUser(user, "session", { ip }) };
}
