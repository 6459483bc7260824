import { expect, it } from "vitest";
import { addMember } from "@/lib/access/members/add-member";
import { changeMemberRole } from "@/lib/access/members/change-member";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { NotFoundError } from "@/lib/errors/not-found";
import { incidentWithRoles, newAccount } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { exportAudit } from "./audit-export";
import { listAudit } from "./list-audit";

async function collect(lines: AsyncGenerator<string>): Promise<string> {
  let out = "";
  for await (const l of lines) out += l;
  return out;
}

describeEachDatabase("listAudit", (kind) => {
  const t = useTestDatabase(kind);

  it("names who and what (with links), shows the change field by field, filters, pages and exports", async () => {
    const { incidentId, owner, member, outsider } = await incidentWithRoles(t.db, ["viewer", "executive"]);
    const someone = await newAccount(t.db, { name: "=cmd|' /C calc'!A0" });
    await addMember(owner.ctx, incidentId, { email: someone.email, role: "viewer" });
    await changeMemberRole(owner.ctx, incidentId, someone.ctx.actor.userId, { role: "executive" });

    const all = await listAudit(member("viewer"), incidentId);
    const change = all.entries.find((e) => e.action === "member.role");
    expect(change).toMatchObject({
      actor: { id: owner.ctx.actor.userId, name: "Owner" },
      object: { label: `=cmd|' /C calc'!A0 <${someone.email}>`, href: null },
      changes: [{ field: "role", before: "viewer", after: "executive" }],
    });
    const created = all.entries.find((e) => e.action === "incident.create");
    expect(created?.object).toMatchObject({ href: `/incidents/${incidentId}` });

    expect((await listAudit(member("viewer"), incidentId, { action: "member." })).entries.map((e) => e.action)).toEqual([
      "member.role",
      "member.add",
    ]);
    expect((await listAudit(member("viewer"), incidentId, { actor: "owner" })).entries.length).toBe(all.entries.length);
    expect((await listAudit(member("viewer"), incidentId, { actor: "nobody-like-this" })).entries).toEqual([]);
    expect((await listAudit(member("viewer"), incidentId, { from: "2999-01-01" })).entries).toEqual([]);

    const first = await listAudit(member("viewer"), incidentId, { limit: 1 });
    expect(first.entries).toHaveLength(1);
    const second = await listAudit(member("viewer"), incidentId, { limit: 1, before: first.nextCursor ?? undefined });
    expect(second.entries[0]?.id).toBe(all.entries[1]?.id);

    const csv = await collect(exportAudit(member("viewer"), incidentId, "csv", { action: "member.role" }));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at,action,actor_email,actor_name,actor_label,ip,incident_id,object_type,object_id,object,before,after");
    expect(lines).toHaveLength(2);
    // A name that a spreadsheet would run is neutralised.
    expect(lines[1]).toContain(`,'=cmd|' /C calc'!A0 <${someone.email}>,`);
    const jsonl = await collect(exportAudit(member("viewer"), incidentId, "jsonl", {}));
    expect(
      jsonl
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).action),
    ).toEqual(all.entries.map((e) => e.action));

    await expect(listAudit(member("executive"), incidentId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAudit(outsider, incidentId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAudit(owner.ctx, null)).rejects.toBeInstanceOf(ForbiddenError);
    const admin = await newAccount(t.db, { isAdmin: true });
    expect((await listAudit(admin.ctx, null, { action: "user.create" })).entries.length).toBeGreaterThan(3);
  });
});
