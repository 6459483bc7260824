import { expect, it } from "vitest";
import { ZodError } from "zod";
import { actorOfUser } from "@/lib/access/actor-of-user";
import { GENERIC_STAGES, STORM_0558_STAGES } from "@/lib/chain/stages";
import { getLocalContext } from "@/lib/context/get-local-context";
import { listIncidents } from "@/lib/queries/list-incidents";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { createIncident } from "./create-incident";
import { ensureDemoIncident } from "./ensure-demo-incident";

describeEachDatabase("createIncident", (kind) => {
  const t = useTestDatabase(kind);

  it("creates the incident, its owner membership, its stages and an audit entry in one go", async () => {
    const ctx = await getLocalContext(t.db);
    const incident = await createIncident(ctx, { title: "  Mailbox access  ", timeZone: "Europe/Berlin", stageSet: "storm-0558" });
    expect(incident.title).toBe("Mailbox access");
    expect(incident.timeZone).toBe("Europe/Berlin");

    const stages = await t.db.prisma.stage.findMany({ where: { incidentId: incident.id }, orderBy: { position: "asc" } });
    expect(stages.map((s) => s.key)).toEqual(STORM_0558_STAGES.map((s) => s.key));
    const member = await t.db.prisma.membership.findFirstOrThrow({ where: { incidentId: incident.id } });
    expect(member).toMatchObject({ userId: ctx.actor.userId, role: "owner" });

    const audit = await t.db.prisma.auditEntry.findMany({ where: { entityId: incident.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "incident.create", actorId: ctx.actor.userId, incidentId: incident.id, before: null });
    expect(audit[0]?.after).toMatchObject({ id: incident.id, title: "Mailbox access", stageSet: "storm-0558" });
  });

  it("refuses bad input with the field and reason, and writes nothing", async () => {
    const ctx = await getLocalContext(t.db);
    const before = await t.db.prisma.incident.count();
    const auditBefore = await t.db.prisma.auditEntry.count();
    const err = await createIncident(ctx, { title: "", timeZone: "Mars/Olympus" }).catch((e) => e);
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["title", "Title is required"],
      ["timeZone", "Not an IANA time zone (e.g. UTC, Europe/Berlin)"],
    ]);
    expect(await t.db.prisma.incident.count()).toBe(before);
    expect(await t.db.prisma.auditEntry.count()).toBe(auditBefore);
  });

  it("lists only the incidents the actor is a member of", async () => {
    const ctx = await getLocalContext(t.db);
    const other = await t.db.prisma.user.create({ data: { email: `other-${kind}@example.test`, name: "other" } });
    const theirs = await createIncident({ db: t.db, actor: actorOfUser(other, "cli") }, { title: "Not yours" });
    const mine = await createIncident(ctx, { title: "Yours" });
    const ids = (await listIncidents(ctx)).map((i) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(GENERIC_STAGES.length).toBe(await t.db.prisma.stage.count({ where: { incidentId: mine.id } }));
  });

  it("loads the demo incident once however often it is asked", async () => {
    const ctx = await getLocalContext(t.db);
    const first = await ensureDemoIncident(ctx);
    const second = await ensureDemoIncident(ctx);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.incident.id).toBe(first.incident.id);
  });
});
