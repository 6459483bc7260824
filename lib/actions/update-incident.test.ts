import { expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { NotFoundError } from "@/lib/errors/not-found";
import { dropOrphanPartitions } from "@/lib/ingest/event-partitions";
import { importFile } from "@/lib/ingest/import-file";
import { listIncidents } from "@/lib/queries/list-incidents";
import { incidentWithRoles } from "@/lib/testing/accounts";
import { writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { deleteIncident } from "./delete-incident";
import { updateIncident } from "./update-incident";

describeEachDatabase("the incident lifecycle", (kind) => {
  const t = useTestDatabase(kind);

  it("an owner renames, edits the summary and zone, and moves the status with dates; each change is audited with before and after", async () => {
    const { incidentId, owner, member } = await incidentWithRoles(t.db, ["analyst"]);
    const renamed = await updateIncident(owner.ctx, incidentId, {
      title: "Mailbox access",
      summary: "Forged tokens",
      timeZone: "Europe/Berlin",
    });
    expect(renamed).toMatchObject({ title: "Mailbox access", summary: "Forged tokens", timeZone: "Europe/Berlin", status: "open" });

    // A wall time is read in the incident's zone: 14:00 in Berlin in July is 12:00 UTC.
    const contained = await updateIncident(owner.ctx, incidentId, { status: "contained", containedAt: "2023-07-11T14:00" });
    expect(contained.containedAt?.toISOString()).toBe("2023-07-11T12:00:00.000Z");
    const closed = await updateIncident(owner.ctx, incidentId, { status: "closed" });
    expect(closed.status).toBe("closed");
    expect(closed.containedAt?.toISOString()).toBe("2023-07-11T12:00:00.000Z");
    expect(Date.now() - (closed.closedAt?.getTime() ?? 0)).toBeLessThan(60_000);

    const audit = await t.db.prisma.auditEntry.findMany({ where: { entityId: incidentId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["incident.create", "incident.update", "incident.status", "incident.status"]);
    expect(audit[1]?.before).toEqual({ title: expect.stringMatching(/^Access test/), summary: "", timeZone: "UTC" });
    expect(audit[1]?.after).toEqual({ title: "Mailbox access", summary: "Forged tokens", timeZone: "Europe/Berlin" });
    expect(audit[2]?.after).toEqual({ status: "contained", containedAt: "2023-07-11T12:00:00.000Z" });

    // Reflected where incidents are listed.
    const [listed] = (await listIncidents(owner.ctx)).filter((i) => i.id === incidentId);
    expect(listed).toMatchObject({ title: "Mailbox access", status: "closed" });

    // Owners only: an analyst is refused and nothing changes.
    await expect(updateIncident(member("analyst"), incidentId, { status: "open" })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await t.db.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).status).toBe("closed");
  });

  it("deleting needs the owner and the title typed exactly; it removes everything and the audit entry outlives it", async () => {
    const { incidentId, owner, member, outsider } = await incidentWithRoles(t.db, ["analyst"]);
    const incident = await t.db.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } });
    const file = writeFixture(
      "d.jsonl",
      ['{"time":"2023-05-15T03:12:44Z","message":"a"}', '{"time":"2023-05-15T03:12:45Z","message":"b"}'].join("\n"),
    );
    const s = await importFile(owner.ctx, { incidentId, filePath: file });

    await expect(deleteIncident(member("analyst"), incidentId, { confirm: incident.title })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteIncident(outsider, incidentId, { confirm: incident.title })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteIncident(owner.ctx, incidentId, { confirm: incident.title.toUpperCase() })).rejects.toThrow(
      /type the incident's title exactly/,
    );
    expect(await t.db.prisma.event.count({ where: { incidentId } })).toBe(2);

    const d = await deleteIncident(owner.ctx, incidentId, { confirm: incident.title });
    expect(d).toMatchObject({ id: incidentId, sources: 1, events: 2 });
    expect(await t.db.prisma.incident.count({ where: { id: incidentId } })).toBe(0);
    expect(await t.db.prisma.source.count({ where: { id: s.sourceId } })).toBe(0);
    // Its events go with their tables, dropped in the background (the sweep waits for the delete's own).
    await dropOrphanPartitions(t.db.sql);
    expect(await t.db.prisma.event.count({ where: { incidentId } })).toBe(0);
    const entry = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { entityId: incidentId, action: "incident.delete" } });
    expect(entry).toMatchObject({ actorId: owner.ctx.actor.userId, incidentId });
    expect(entry.before).toMatchObject({ title: incident.title, sources: 1, events: 2 });
  });
});
