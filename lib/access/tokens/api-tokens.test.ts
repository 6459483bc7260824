import { expect, it } from "vitest";
import { createIncident } from "@/lib/actions/create-incident";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { UnauthenticatedError } from "@/lib/errors/unauthenticated";
import { newAccount } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { hashToken } from "../secret-token";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { resolveApiToken } from "./resolve-api-token";
import { revokeApiToken } from "./revoke-api-token";

const use = { ip: "192.0.2.1", method: "GET", path: "/api/incidents" };

describeEachDatabase("personal access tokens", (kind) => {
  const t = useTestDatabase(kind);

  it("are shown once and stored only as a hash; a read token acts as its owner but cannot write", async () => {
    const { ctx } = await newAccount(t.db);
    const made = await createApiToken(ctx, { name: "laptop", scope: "read", expiresInDays: 7 });
    expect(made.token).toMatch(/^clpat_[\w-]{43}$/);
    const [row] = await t.db.sql.query<{ token_hash: string; prefix: string }>("SELECT token_hash, prefix FROM api_tokens WHERE id = $1", [
      made.id,
    ]);
    expect(row?.token_hash).toBe(hashToken(made.token));
    expect(JSON.stringify(await t.db.sql.query("SELECT * FROM api_tokens"))).not.toContain(made.token);
    expect((await listApiTokens(ctx))[0]).not.toHaveProperty("token");

    const actor = await resolveApiToken(t.db, made.token, use);
    expect(actor).toMatchObject({ userId: ctx.actor.userId, via: "token", tokenScope: "read", tokenId: made.id });
    await expect(createIncident({ db: t.db, actor }, { title: "Written with a read token" })).rejects.toBeInstanceOf(ForbiddenError);
    const writer = await resolveApiToken(t.db, (await createApiToken(ctx, { name: "ci", scope: "write" })).token, use);
    expect((await createIncident({ db: t.db, actor: writer }, { title: "Written with a write token" })).title).toBe(
      "Written with a write token",
    );
    // A token cannot mint another (a leaked read token must not become a write token).
    await expect(createApiToken({ db: t.db, actor }, { name: "escalate", scope: "write" })).rejects.toBeInstanceOf(ForbiddenError);
    const audit = await t.db.sql.query<{ action: string }>("SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY id", [made.id]);
    expect(audit.map((a) => a.action)).toEqual(["token.create", "token.use"]);
  });

  it("refuses a revoked, an expired and an unknown token, each saying why", async () => {
    const { ctx } = await newAccount(t.db);
    const revoked = await createApiToken(ctx, { name: "old", scope: "write" });
    await revokeApiToken(ctx, revoked.id);
    await expect(resolveApiToken(t.db, revoked.token, use)).rejects.toThrow(new UnauthenticatedError("this token was revoked"));
    const expired = await createApiToken(ctx, { name: "short", scope: "read", expiresInDays: 1 });
    await t.db.sql.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [expired.id]);
    await expect(resolveApiToken(t.db, expired.token, use)).rejects.toThrow(new UnauthenticatedError("this token has expired"));
    await expect(resolveApiToken(t.db, "clpat_nothing", use)).rejects.toThrow(new UnauthenticatedError("unknown token"));
    expect((await listApiTokens(ctx)).map((r) => r.state).sort()).toEqual(["expired", "revoked"]);
  });

  it("lets nobody but its owner (or the admin) revoke a token", async () => {
    const a = await newAccount(t.db);
    const b = await newAccount(t.db);
    const token = await createApiToken(a.ctx, { name: "mine", scope: "read" });
    await expect(revokeApiToken(b.ctx, token.id)).rejects.toThrow(/no token/);
    const admin = await newAccount(t.db, { isAdmin: true });
    expect((await revokeApiToken(admin.ctx, token.id)).revokedAt).toBeInstanceOf(Date);
  });
});
