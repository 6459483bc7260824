import { isAPIError } from "better-auth/api";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Db } from "@/lib/db";
import { TooManyRequestsError } from "@/lib/errors/too-many-requests";
import { UnauthenticatedError } from "@/lib/errors/unauthenticated";
import type { Auth } from "./auth";
import { clearWindow, hitWindow, retryAfterSeconds, takeBack } from "./rate-limit";

/** How many wrong passwords lock sign-in, per account and per client address, within the window. */
export type SignInLimits = { windowSeconds: number; perAccount: number; perAddress: number };
export const SIGN_IN_LIMITS: SignInLimits = { windowSeconds: 15 * 60, perAccount: 20, perAddress: 100 };

/** A sign-in attempt: the credentials, where it came from, and the request's headers (for the session's record). */
export type SignInAttempt = { email: string; password: string; ip: string; headers: Headers };

/**
 * Signs in with email and password. Every attempt is counted, per account and per address, before
 * the password is checked (so attempts sent in parallel cannot all slip under the limit); a right
 * password takes its attempt back. The wrong password that reaches a limit, and every attempt after
 * it until the window passes (even with the right password), is refused with TooManyRequestsError.
 * Every failure and refusal is audited; the sign-in itself when its session is created
 * (lib/access/auth.ts). Returns the Set-Cookie headers of the new session.
 */
export async function signInWithPassword(
  db: Db,
  auth: Auth,
  attempt: SignInAttempt,
  limits = SIGN_IN_LIMITS,
): Promise<{ userId: string; setCookie: string[] }> {
  const email = attempt.email.trim().toLowerCase();
  const keys = accountKeys(email, attempt.ip);
  const [user] = await db.sql.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [email]);
  const who = user
    ? { actor: { userId: user.id, via: "session" as const, ip: attempt.ip } }
    : { actor: null, label: email.slice(0, 320), ip: attempt.ip };
  const audit = (action: string, after: Record<string, unknown>) =>
    recordAuditSql(db.sql, who, { action, entityType: "User", entityId: user?.id ?? email.slice(0, 320), after });

  const account = await hitWindow(db.sql, keys.account, limits.windowSeconds);
  const address = await hitWindow(db.sql, keys.address, limits.windowSeconds);
  const over = account.count > limits.perAccount ? account : address.count > limits.perAddress ? address : null;
  if (over) {
    await audit("auth.sign-in.refused", { reason: "too many wrong passwords", retryAfter: retryAfterSeconds(over) });
    throw new TooManyRequestsError("too many wrong passwords: try again later", retryAfterSeconds(over));
  }
  // The session this browser had, if any: ended once the new one exists (sessions rotate at sign-in).
  const previous = await auth.api.getSession({ headers: attempt.headers }).catch(() => null);
  try {
    const { headers, response } = await auth.api.signInEmail({
      body: { email, password: attempt.password },
      headers: attempt.headers,
      returnHeaders: true,
    });
    await clearWindow(db.sql, keys.account);
    await takeBack(db.sql, keys.address);
    if (previous) await db.sql.query("DELETE FROM sessions WHERE token = $1", [previous.session.token]);
    return { userId: response.user.id, setCookie: headers.getSetCookie() };
  } catch (err) {
    // Only a refusal (4xx) is a wrong password; a server-side failure must not be counted or hidden as one.
    // isAPIError, not instanceof: better-auth throws both its own and better-call's APIError class,
    // and a bundler may load either twice.
    if (!isAPIError(err) || httpStatus(err) >= 500) {
      await takeBack(db.sql, keys.account);
      await takeBack(db.sql, keys.address);
      throw err;
    }
    await audit("auth.sign-in.failed", { reason: err.message || "wrong email or password" });
    const reached = account.count >= limits.perAccount ? account : address.count >= limits.perAddress ? address : null;
    if (reached) {
      await audit("auth.sign-in.locked", { failures: reached.count, retryAfter: retryAfterSeconds(reached) });
      throw new TooManyRequestsError("too many wrong passwords: try again later", retryAfterSeconds(reached));
    }
    throw new UnauthenticatedError("wrong email or password");
  }
}

/** The HTTP status an APIError carries (a number under either name). */
function httpStatus(err: unknown): number {
  const e = err as { statusCode?: unknown; status?: unknown };
  return typeof e.statusCode === "number" ? e.statusCode : typeof e.status === "number" ? e.status : 500;
}

/** The rate-limit windows of an account and of an address (shared with checks of a current password). */
export function accountKeys(email: string, ip: string) {
  return { account: `sign-in:account:${email.trim().toLowerCase()}`, address: `sign-in:address:${ip}` };
}
