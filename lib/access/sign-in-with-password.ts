import { APIError } from "better-auth/api";
import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Db } from "@/lib/db";
import { TooManyRequestsError } from "@/lib/errors/too-many-requests";
import { UnauthenticatedError } from "@/lib/errors/unauthenticated";
import type { Auth } from "./auth";
import { clearWindow, hitWindow, peekWindow, retryAfterSeconds, type WindowState } from "./rate-limit";

/** How many wrong passwords lock sign-in, per account and per client address, within the window. */
export type SignInLimits = { windowSeconds: number; perAccount: number; perAddress: number };
export const SIGN_IN_LIMITS: SignInLimits = { windowSeconds: 15 * 60, perAccount: 20, perAddress: 100 };

/** A sign-in attempt: the credentials, where it came from, and the request's headers (for the session's record). */
export type SignInAttempt = { email: string; password: string; ip: string; headers: Headers };

/**
 * Signs in with email and password. Wrong passwords are counted per account and per address;
 * the one that reaches a limit, and every attempt after it until the window passes (even with the
 * right password), is refused with TooManyRequestsError. Every failure and refusal is audited;
 * the sign-in itself is audited when its session is created (lib/access/auth.ts).
 * Returns the Set-Cookie headers of the new session.
 */
export async function signInWithPassword(
  db: Db,
  auth: Auth,
  attempt: SignInAttempt,
  limits = SIGN_IN_LIMITS,
): Promise<{ userId: string; setCookie: string[] }> {
  const email = attempt.email.trim().toLowerCase();
  const keys = { account: `sign-in:account:${email}`, address: `sign-in:address:${attempt.ip}` };
  const [user] = await db.sql.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [email]);
  const who = user
    ? { actor: { userId: user.id, via: "session" as const, ip: attempt.ip } }
    : { actor: null, label: email.slice(0, 320), ip: attempt.ip };
  const audit = (action: string, after: Record<string, unknown>) =>
    recordAuditSql(db.sql, who, { action, entityType: "User", entityId: user?.id ?? email.slice(0, 320), after });

  const locked = await lockedWindow(db, keys, limits, peekWindow);
  if (locked) {
    await audit("auth.sign-in.refused", { reason: "too many wrong passwords", retryAfter: retryAfterSeconds(locked) });
    throw new TooManyRequestsError("too many wrong passwords: try again later", retryAfterSeconds(locked));
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
    if (previous) await db.sql.query("DELETE FROM sessions WHERE token = $1", [previous.session.token]);
    return { userId: response.user.id, setCookie: headers.getSetCookie() };
  } catch (err) {
    // Only a refusal (4xx) is a wrong password; a server-side failure must not be counted or hidden as one.
    if (!(err instanceof APIError) || err.statusCode >= 500) throw err;
    const reachedLimit = await lockedWindow(db, keys, limits, hitWindow);
    await audit("auth.sign-in.failed", { reason: err.message || "wrong email or password" });
    if (reachedLimit) {
      await audit("auth.sign-in.locked", { failures: reachedLimit.count, retryAfter: retryAfterSeconds(reachedLimit) });
      throw new TooManyRequestsError("too many wrong passwords: try again later", retryAfterSeconds(reachedLimit));
    }
    throw new UnauthenticatedError("wrong email or password");
  }
}

/** Reads (or counts) both windows; returns the one at its limit, if any. */
async function lockedWindow(
  db: Db,
  keys: { account: string; address: string },
  limits: SignInLimits,
  op: (sql: Db["sql"], key: string, seconds: number) => Promise<WindowState>,
): Promise<WindowState | null> {
  const account = await op(db.sql, keys.account, limits.windowSeconds);
  const address = await op(db.sql, keys.address, limits.windowSeconds);
  if (account.count >= limits.perAccount) return account;
  if (address.count >= limits.perAddress) return address;
  return null;
}
