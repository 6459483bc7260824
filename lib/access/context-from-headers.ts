import type { Ctx } from "@/lib/context/ctx";
import { getDb } from "@/lib/db";
import { UnauthenticatedError } from "@/lib/errors/unauthenticated";
import { actorOfUser } from "./actor-of-user";
import { getAuth } from "./auth";
import { getCliContext } from "./cli-context";
import { clientIp } from "./client-ip";
import { isLocalSecret, matchesLocalSecret } from "./local-app";
import { PEER_HEADER } from "./peer-address";
import { resolveApiToken } from "./tokens/resolve-api-token";

/** Whom a local CLI run acts as (its --as), sent with the local secret. */
export const LOCAL_AS_HEADER = "x-chainline-as";

const LOOPBACK = new Set(["127.0.0.1", "::1"]);

/**
 * Whether the request came straight from this machine: the socket's own address (stamped by the
 * server, never the client's word) is loopback, and no proxy stands between (a proxy on this host
 * would make every remote request look local; it names the real client in X-Forwarded-For, which
 * `next start` otherwise fills with the socket's address).
 */
function isDirectLoopback(headers: Headers): boolean {
  const strip = (ip: string) => ip.trim().replace(/^::ffff:/, "");
  if (headers.has("forwarded")) return false;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").filter((x) => x.trim());
  if (forwarded.some((ip) => !LOOPBACK.has(strip(ip)))) return false;
  return LOOPBACK.has(strip(headers.get(PEER_HEADER) ?? ""));
}

/**
 * Who is asking, from a request's headers: a Bearer personal access token (or, from this machine,
 * the local app's secret), else the session cookie. Throws UnauthenticatedError when none names an
 * active account.
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
      if (!matchesLocalSecret(match[1]) || !isDirectLoopback(headers)) throw new UnauthenticatedError("not this app's local secret");
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
