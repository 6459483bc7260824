import { expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { newAccount } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { authFor } from "../auth";
import { signInWithPassword } from "../sign-in-with-password";
import { changeOwnPassword, resetPassword } from "./set-password";

const headers = () => new Headers({ host: "127.0.0.1:3000", "user-agent": "vitest" });

describeEachDatabase("passwords", (kind) => {
  const t = useTestDatabase(kind);

  it("change: the current one must match; the other sessions end, this one stays; the old password stops working", async () => {
    const { ctx, email, password } = await newAccount(t.db);
    const auth = await authFor(t.db);
    const sign = (pw: string) => signInWithPassword(t.db, auth, { email, password: pw, ip: "192.0.2.8", headers: headers() });
    await sign(password);
    await sign(password);
    const [keep] = await t.db.sql.query<{ token: string }>("SELECT token FROM sessions WHERE user_id = $1 LIMIT 1", [ctx.actor.userId]);
    await expect(changeOwnPassword(ctx, { current: "wrong one", next: "a brand new password" })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    await changeOwnPassword(ctx, { current: password, next: "a brand new password" }, keep?.token);
    expect(await t.db.sql.query("SELECT token FROM sessions WHERE user_id = $1", [ctx.actor.userId])).toEqual([{ token: keep?.token }]);
    await expect(sign(password)).rejects.toThrow(/wrong email or password/);
    expect((await sign("a brand new password")).userId).toBe(ctx.actor.userId);
  });

  it("reset: only the instance admin; all the account's sessions end", async () => {
    const user = await newAccount(t.db);
    const other = await newAccount(t.db);
    const admin = await newAccount(t.db, { isAdmin: true });
    const auth = await authFor(t.db);
    await signInWithPassword(t.db, auth, { email: user.email, password: user.password, ip: "192.0.2.8", headers: headers() });
    await expect(resetPassword(other.ctx, user.ctx.actor.userId, "another long password")).rejects.toBeInstanceOf(ForbiddenError);
    await resetPassword(admin.ctx, user.ctx.actor.userId, "another long password");
    expect(await t.db.sql.query("SELECT 1 FROM sessions WHERE user_id = $1", [user.ctx.actor.userId])).toEqual([]);
    const audit = await t.db.sql.query<{ action: string; actor_id: string }>(
      "SELECT action, actor_id::text FROM audit_entries WHERE entity_id = $1 AND action LIKE 'user.password%'",
      [user.ctx.actor.userId],
    );
    expect(audit).toEqual([{ action: "user.password.reset", actor_id: admin.ctx.actor.userId }]);
  });

  it("an expired session is no session", async () => {
    const { email, password, ctx } = await newAccount(t.db);
    const auth = await authFor(t.db);
    const { setCookie } = await signInWithPassword(t.db, auth, { email, password, ip: "192.0.2.8", headers: headers() });
    const withCookie = headers();
    withCookie.set("cookie", setCookie.map((c) => c.split(";")[0]).join("; "));
    expect((await auth.api.getSession({ headers: withCookie }))?.user.id).toBe(ctx.actor.userId);
    await t.db.sql.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [ctx.actor.userId]);
    expect(await auth.api.getSession({ headers: withCookie })).toBeNull();
  });
});
