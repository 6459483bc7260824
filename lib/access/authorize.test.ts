import { expect, it } from "vitest";
import { setAccountDisabled } from "@/lib/access/accounts/set-account-disabled";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { NotFoundError } from "@/lib/errors/not-found";
import { getChain } from "@/lib/queries/get-chain";
import { listEvents } from "@/lib/queries/list-events";
import { incidentWithRoles, newAccount } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { authorize, can } from "./authorize";

describeEachDatabase("authorize", (kind) => {
  const t = useTestDatabase(kind);

  it("gives each role what the table says, and a non-member a 404 as if the incident did not exist", async () => {
    const { incidentId, member, outsider } = await incidentWithRoles(t.db, ["analyst", "viewer", "executive", "trainee"]);
    const owner = member("owner");
    const analyst = member("analyst");
    const viewer = member("viewer");
    const executive = member("executive");
    const trainee = member("trainee");

    expect(await authorize(owner, incidentId, "members.manage")).toBe("owner");
    expect(await authorize(analyst, incidentId, "evidence.edit")).toBe("analyst");
    await expect(authorize(analyst, incidentId, "members.manage")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await authorize(viewer, incidentId, "evidence.view")).toBe("viewer");
    await expect(authorize(viewer, incidentId, "evidence.edit")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await authorize(executive, incidentId, "chain.view")).toBe("executive");
    await expect(authorize(executive, incidentId, "evidence.view")).rejects.toBeInstanceOf(NotFoundError);
    // A trainee reads the evidence and tags it, and never sees the chain (the answers).
    expect(await authorize(trainee, incidentId, "evidence.annotate")).toBe("trainee");
    await expect(authorize(trainee, incidentId, "chain.view")).rejects.toBeInstanceOf(NotFoundError);
    await expect(authorize(trainee, incidentId, "rules.view")).rejects.toBeInstanceOf(NotFoundError);
    await expect(authorize(trainee, incidentId, "evidence.edit")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(authorize(outsider, incidentId, "incident.view")).rejects.toBeInstanceOf(NotFoundError);
    await expect(authorize(outsider, "not-a-uuid", "incident.view")).rejects.toBeInstanceOf(NotFoundError);
    // The same message for a non-member and a missing incident: nothing tells them apart.
    const a = await authorize(outsider, incidentId, "incident.view").catch((e: Error) => e.message);
    const b = await authorize(outsider, "00000000-0000-4000-8000-000000000000", "incident.view").catch((e: Error) => e.message);
    expect(a.replace(incidentId, "X")).toBe(b.replace("00000000-0000-4000-8000-000000000000", "X"));
  });

  it("keeps raw events from an executive and every read from a non-member, in lib itself", async () => {
    const { incidentId, member, outsider } = await incidentWithRoles(t.db, ["executive"]);
    expect(await listEvents(member("executive"), incidentId)).toBeNull();
    expect(await getChain(member("executive"), incidentId)).not.toBeNull();
    expect(await getChain(outsider, incidentId)).toBeNull();
    expect(await listEvents(member("owner"), incidentId)).not.toBeNull();
  });

  it("refuses writes through a read-only token even for an owner", async () => {
    const { incidentId, member } = await incidentWithRoles(t.db, []);
    const readToken = { ...member("owner"), actor: { ...member("owner").actor, via: "token" as const, tokenScope: "read" as const } };
    expect(await authorize(readToken, incidentId, "evidence.view")).toBe("owner");
    await expect(authorize(readToken, incidentId, "evidence.edit")).rejects.toThrow(/read-only/);
    expect(await can(readToken, incidentId, "evidence.edit")).toBe(false);
  });

  it("treats a disabled account as a non-member", async () => {
    const admin = await newAccount(t.db, { isAdmin: true });
    const { incidentId, member } = await incidentWithRoles(t.db, ["analyst"]);
    await setAccountDisabled(admin.ctx, member("analyst").actor.userId, true);
    await expect(authorize(member("analyst"), incidentId, "incident.view")).rejects.toBeInstanceOf(NotFoundError);
  });
});
