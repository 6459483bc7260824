import { expect, it } from "vitest";
import { TooManyRequestsError } from "@/lib/errors/too-many-requests";
import { UnauthenticatedError } from "@/lib/errors/unauthenticated";
import { newAccount } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { authFor } from "./auth";
import { signInWithPassword } from "./sign-in-with-password";

const headers = () => new Headers({ host: "127.0.0.1:3000", "user-agent": "vitest", "x-forwarded-for": "198.51.100.7" });

describeEachDatabase("signInWithPassword", (kind) => {
  const t = useTestDatabase(kind);

  it("signs in with the right password: a session row, an HttpOnly SameSite cookie, an audit entry", async () => {
    const { email, password, ctx } = await newAccount(t.db);
    const auth = await authFor(t.db);
    const r = await signInWithPassword(t.db, auth, { email: email.toUpperCase(), password, ip: "198.51.100.7", headers: headers() });
    expect(r.userId).toBe(ctx.actor.userId);
    const cookie = r.setCookie.find((c) => c.startsWith("chainline.session_token="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const sessions = await t.db.sql.query<{ ip_address: string; expires_at: Date }>(
      "SELECT ip_address, expires_at FROM sessions WHERE user_id = $1",
      [r.userId],
    );
    expect(sessions).toHaveLength(1);
    // The cookie holds the token signed; the database holds the token, never a password.
    const audit = await t.db.sql.query<{ action: string }>("SELECT action FROM audit_entries WHERE actor_id = $1 ORDER BY id", [r.userId]);
    expect(audit.map((a) => a.action)).toContain("auth.sign-in");
  });

  it("rotates the session: signing in again from a signed-in browser ends the old session", async () => {
    const { email, password, ctx } = await newAccount(t.db);
    const auth = await authFor(t.db);
    const first = await signInWithPassword(t.db, auth, { email, password, ip: "198.51.100.7", headers: headers() });
    const cookie = first.setCookie.map((c) => c.split(";")[0]).join("; ");
    const withCookie = headers();
    withCookie.set("cookie", cookie);
    const second = await signInWithPassword(t.db, auth, { email, password, ip: "198.51.100.7", headers: withCookie });
    expect(second.setCookie.join()).not.toBe(first.setCookie.join());
    const tokens = await t.db.sql.query<{ token: string }>("SELECT token FROM sessions WHERE user_id = $1", [ctx.actor.userId]);
    expect(tokens).toHaveLength(1);
    expect(cookie).not.toContain(tokens[0]?.token);
  });

  it("locks an account after 20 wrong passwords in a row: 429, audited, the right one refused until the window passes", async () => {
    const { email, password, ctx } = await newAccount(t.db);
    const auth = await authFor(t.db);
    const limits = { windowSeconds: 3, perAccount: 20, perAddress: 1000 };
    const attempt = (pw: string) => signInWithPassword(t.db, auth, { email, password: pw, ip: "203.0.113.9", headers: headers() }, limits);
    for (let i = 1; i < 20; i++) await expect(attempt(`wrong ${i}`)).rejects.toBeInstanceOf(UnauthenticatedError);
    const twentieth = await attempt("wrong 20").catch((e) => e);
    expect(twentieth).toBeInstanceOf(TooManyRequestsError);
    expect((twentieth as TooManyRequestsError).retryAfter).toBeGreaterThan(0);
    await expect(attempt(password)).rejects.toBeInstanceOf(TooManyRequestsError);

    const audit = await t.db.sql.query<{ action: string; n: number }>(
      "SELECT action, count(*)::int AS n FROM audit_entries WHERE actor_id = $1 AND action LIKE 'auth.%' GROUP BY action ORDER BY action",
      [ctx.actor.userId],
    );
    expect(audit).toEqual([
      { action: "auth.sign-in.failed", n: 20 },
      { action: "auth.sign-in.locked", n: 1 },
      { action: "auth.sign-in.refused", n: 1 },
    ]);

    await new Promise((r) => setTimeout(r, 3_100));
    expect((await attempt(password)).userId).toBe(ctx.actor.userId);
  });

  it("limits per address too, and audits an unknown address by what was tried", async () => {
    const auth = await authFor(t.db);
    const limits = { windowSeconds: 60, perAccount: 100, perAddress: 3 };
    const attempt = (email: string) =>
      signInWithPassword(t.db, auth, { email, password: "nope", ip: "192.0.2.44", headers: headers() }, limits);
    await expect(attempt("nobody1@example.test")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(attempt("nobody2@example.test")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(attempt("nobody3@example.test")).rejects.toBeInstanceOf(TooManyRequestsError);
    const [row] = await t.db.sql.query<{ actor_id: string | null; actor_label: string; ip_address: string }>(
      "SELECT actor_id, actor_label, ip_address FROM audit_entries WHERE action = 'auth.sign-in.failed' AND actor_label = 'nobody1@example.test'",
    );
    expect(row).toEqual({ actor_id: null, actor_label: "nobody1@example.test", ip_address: "192.0.2.44" });
  });
});
