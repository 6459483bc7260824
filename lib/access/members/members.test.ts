import { expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { incidentWithRoles, newAccount } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { authorize } from "../authorize";
import { acceptInvitation, findInvitation } from "../invitations/accept-invitation";
import { addMember } from "./add-member";
import { changeMemberRole, removeMember, revokeInvitation } from "./change-member";
import { listMembers } from "./list-members";

describeEachDatabase("members", (kind) => {
  const t = useTestDatabase(kind);

  it("adds an account by email, changes its role, removes it; all audited with before and after", async () => {
    const { incidentId, owner } = await incidentWithRoles(t.db, []);
    const someone = await newAccount(t.db);
    const added = await addMember(owner.ctx, incidentId, { email: someone.email.toUpperCase(), role: "viewer" });
    expect(added).toMatchObject({ kind: "member", role: "viewer" });
    expect(await authorize(someone.ctx, incidentId, "evidence.view")).toBe("viewer");
    await changeMemberRole(owner.ctx, incidentId, someone.ctx.actor.userId, { role: "executive" });
    await expect(authorize(someone.ctx, incidentId, "evidence.view")).rejects.toBeInstanceOf(NotFoundError);
    await removeMember(owner.ctx, incidentId, someone.ctx.actor.userId);
    await expect(authorize(someone.ctx, incidentId, "incident.view")).rejects.toBeInstanceOf(NotFoundError);
    const audit = await t.db.sql.query<{ action: string; before: unknown; after: unknown }>(
      "SELECT action, before, after FROM audit_entries WHERE incident_id = $1 AND entity_id = $2 ORDER BY id",
      [incidentId, someone.ctx.actor.userId],
    );
    expect(audit).toEqual([
      { action: "member.add", before: null, after: { email: someone.email, role: "viewer" } },
      { action: "member.role", before: { email: someone.email, role: "viewer" }, after: { email: someone.email, role: "executive" } },
      { action: "member.remove", before: { email: someone.email, role: "executive" }, after: null },
    ]);
  });

  it("keeps an owner: the last one cannot be demoted or removed", async () => {
    const { incidentId, owner } = await incidentWithRoles(t.db, []);
    await expect(changeMemberRole(owner.ctx, incidentId, owner.ctx.actor.userId, { role: "viewer" })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    await expect(removeMember(owner.ctx, incidentId, owner.ctx.actor.userId)).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it("lets only owners manage members", async () => {
    const { incidentId, member, outsider } = await incidentWithRoles(t.db, ["analyst"]);
    await expect(addMember(member("analyst"), incidentId, { email: "x@example.test", role: "viewer" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(listMembers(outsider, incidentId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("invites an address without an account: a one-time, expiring link that makes the account and the membership", async () => {
    const { incidentId, owner } = await incidentWithRoles(t.db, []);
    const inv = await addMember(owner.ctx, incidentId, { email: "new.person@example.test", role: "analyst" });
    if (inv.kind !== "invitation") throw new Error("expected an invitation");
    expect((await findInvitation(t.db, inv.token))?.email).toBe("new.person@example.test");
    const done = await acceptInvitation(t.db, inv.token, { newAccount: { name: "New Person", password: "a long enough password" } });
    expect(done.incidentId).toBe(incidentId);
    const member = await t.db.prisma.membership.findFirstOrThrow({ where: { incidentId, userId: done.userId } });
    expect(member.role).toBe("analyst");
    // One use only.
    await expect(
      acceptInvitation(t.db, inv.token, { newAccount: { name: "Again", password: "a long enough password" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await findInvitation(t.db, inv.token)).toBeNull();

    const late = await addMember(owner.ctx, incidentId, { email: "late@example.test", role: "viewer" });
    if (late.kind !== "invitation") throw new Error("expected an invitation");
    await t.db.sql.query("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [late.invitationId]);
    await expect(
      acceptInvitation(t.db, late.token, { newAccount: { name: "Late", password: "a long enough password" } }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const withdrawn = await addMember(owner.ctx, incidentId, { email: "nope@example.test", role: "viewer" });
    if (withdrawn.kind !== "invitation") throw new Error("expected an invitation");
    await revokeInvitation(owner.ctx, incidentId, withdrawn.invitationId);
    expect(await findInvitation(t.db, withdrawn.token)).toBeNull();
  });

  it("accepts an invitation only for the invited address when signed in", async () => {
    const { incidentId, owner } = await incidentWithRoles(t.db, []);
    const other = await newAccount(t.db);
    const inv = await addMember(owner.ctx, incidentId, { email: "someone.else@example.test", role: "viewer" });
    if (inv.kind !== "invitation") throw new Error("expected an invitation");
    await expect(acceptInvitation(t.db, inv.token, { ctx: other.ctx })).rejects.toThrow(/this invitation is for someone.else@example.test/);
  });
});
