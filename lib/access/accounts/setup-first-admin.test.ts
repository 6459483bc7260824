import { expect, it } from "vitest";
import { createIncident } from "@/lib/actions/create-incident";
import { getLocalContext } from "@/lib/context/get-local-context";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { authorize } from "../authorize";
import { getCliContext } from "../cli-context";
import { verifyPassword } from "../password-hash";
import { needsFirstAdmin, setupFirstAdmin } from "./setup-first-admin";

describeEachDatabase("the first admin", (kind) => {
  const t = useTestDatabase(kind);

  it("is made once, with an argon2id hash, and owns the incidents made before there were accounts", async () => {
    const local = await getLocalContext(t.db);
    const before = await createIncident(local, { title: "Made before accounts" });
    expect(await needsFirstAdmin(t.db)).toBe(true);
    const { admin, adoptedIncidents } = await setupFirstAdmin(t.db, {
      email: "Root@Example.test",
      name: "Root",
      password: "a long enough password",
    });
    expect(admin).toMatchObject({ email: "root@example.test", isAdmin: true });
    expect(adoptedIncidents).toBe(1);
    const [account] = await t.db.sql.query<{ password: string }>(
      "SELECT password FROM auth_accounts WHERE user_id = $1 AND provider_id = 'credential'",
      [admin.id],
    );
    expect(account?.password).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(account?.password ?? "", "a long enough password")).toBe(true);

    // The CLI now acts as the admin, who owns what the local user made.
    const cli = await getCliContext(t.db);
    expect(cli.actor).toMatchObject({ email: "root@example.test", isAdmin: true, via: "cli" });
    expect(await authorize(cli, before.id, "members.manage")).toBe("owner");

    await expect(
      setupFirstAdmin(t.db, { email: "second@example.test", name: "Second", password: "a long enough password" }),
    ).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(getCliContext(t.db, "nobody@example.test")).rejects.toThrow(/no active account/);
  });
});
