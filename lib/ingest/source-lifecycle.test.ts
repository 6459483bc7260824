import { expect, it } from "vitest";
import { listAudit } from "@/lib/audit/list-audit";
import { annotateEvents } from "@/lib/chain/actions/annotate-events";
import { setEventStage } from "@/lib/chain/actions/set-event-stage";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { eventHourlyIsFresh } from "@/lib/rollup/event-hourly";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { deleteSource } from "./delete-source";
import { importFile } from "./import-file";

const line = (t: string, user: string, msg: string) => JSON.stringify({ time: t, user, message: msg });

describeEachDatabase("the source lifecycle: delete, and read again with other options", (kind) => {
  const t = useTestDatabase(kind);

  it("deleting a source removes its events and what hangs off them in one audited transaction, tidies entities, rebuilds the analysis", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const a = await importFile(ctx, {
      incidentId,
      filePath: writeFixture(
        "a.jsonl",
        [line("2023-05-15T01:00:00Z", "alice@example.test", "a1"), line("2023-05-15T02:00:00Z", "only-a@example.test", "a2")].join("\n"),
      ),
    });
    const b = await importFile(ctx, {
      incidentId,
      filePath: writeFixture("b.jsonl", line("2023-05-16T05:00:00Z", "alice@example.test", "b1")),
    });
    const [first] = await t.db.sql.query<{ id: string }>(`SELECT id::text FROM events WHERE source_id = $1 ORDER BY line_number LIMIT 1`, [
      a.sourceId,
    ]);
    await annotateEvents(ctx, incidentId, { action: "comment", eventIds: [first?.id as string], value: "look here" });

    const source = await t.db.prisma.source.findUniqueOrThrow({ where: { id: a.sourceId } });
    await expect(deleteSource(ctx, incidentId, a.sourceId, { confirm: "a.jsonl" })).rejects.toThrow(/give the file's name/);
    const d = await deleteSource(ctx, incidentId, a.sourceId, { confirm: source.name });
    expect(d).toMatchObject({ events: 2, annotations: 1, analysisError: null });
    expect(d.analysis).not.toBeNull();

    expect(await t.db.prisma.source.count({ where: { incidentId } })).toBe(1);
    expect(await t.db.prisma.event.count({ where: { incidentId } })).toBe(1);
    expect(await t.db.prisma.annotation.count({ where: { incidentId } })).toBe(0);
    const entities = await t.db.prisma.entity.findMany({ where: { incidentId, kind: "account" }, orderBy: { value: "asc" } });
    // The account seen only in the deleted file is gone; the shared one is now first seen where the other file saw it.
    expect(entities.map((e) => [e.value, e.firstSeenAt?.toISOString()])).toEqual([["alice@example.test", "2023-05-16T05:00:00.000Z"]]);
    expect(await eventHourlyIsFresh(t.db.sql, incidentId)).toBe(true);
    const entry = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { entityId: a.sourceId, action: "source.delete" } });
    expect(entry.before).toMatchObject({ name: source.name, events: 2, annotations: 1 });
    // The audit page names the deleted file rather than a bare id.
    const listed = (await listAudit(ctx, incidentId, { action: "source.delete" })).entries[0];
    expect(listed?.object).toEqual({ label: `${source.name} (deleted)`, href: null });
    expect(b.sourceId).not.toBe(a.sourceId);
  });

  it("a viewer may not delete a source", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const s = await importFile(ctx, { incidentId, filePath: writeFixture("v.jsonl", line("2023-05-15T01:00:00Z", "x@example.test", "x")) });
    const viewer = {
      ...ctx,
      actor: { ...ctx.actor, userId: (await t.db.prisma.user.create({ data: { email: `v${Date.now()}@example.test`, name: "V" } })).id },
    };
    await t.db.prisma.membership.create({ data: { userId: viewer.actor.userId, incidentId, role: "viewer" } });
    await expect(deleteSource(viewer, incidentId, s.sourceId, { confirm: "v.jsonl" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("reading a file again with other options replaces the earlier reading and carries the analysts' work to the same records", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const csv = [
      "When,User,Action",
      "2023-05-15 03:12:44,alice@example.test,Login",
      "2023-05-15 04:00:00,bob@example.test,MailItemsAccessed",
    ].join("\n");
    const file = writeFixture("local-times.csv", csv);
    const first = await importFile(ctx, { incidentId, filePath: file });
    const [ev] = await t.db.sql.query<{ id: string }>(`SELECT id::text FROM events WHERE source_id = $1 AND line_number = 3`, [
      first.sourceId,
    ]);
    await annotateEvents(ctx, incidentId, { action: "tag", eventIds: [ev?.id as string], value: "mail" });
    const stage = await t.db.prisma.stage.findFirstOrThrow({ where: { incidentId }, orderBy: { position: "desc" } });
    await setEventStage(ctx, incidentId, { eventIds: [ev?.id as string], stageKey: stage.key });

    const alice = await t.db.prisma.entity.findFirstOrThrow({ where: { incidentId, value: "alice@example.test" } });
    // The file was written in Berlin time: read again in that zone, replacing the UTC reading.
    const again = await importFile(ctx, { incidentId, filePath: file, options: { zone: "Europe/Berlin", replace: true } });
    expect(again).toMatchObject({ outcome: "imported", imported: 2, duplicate: 0 });
    expect(again.replaced).toEqual({ sourceId: first.sourceId, events: 2, annotationsCarried: 1, annotationsLost: 0 });
    expect(again.sourceId).not.toBe(first.sourceId);
    expect(await t.db.prisma.source.findMany({ where: { incidentId }, select: { id: true } })).toEqual([{ id: again.sourceId }]);
    const rows = await t.db.sql.query<{ line_number: number; t: string; stage: string | null; set_by: string | null; tag: string | null }>(
      `SELECT e.line_number, to_char(e.occurred_at AT TIME ZONE 'UTC', 'HH24:MI') AS t, s.key AS stage, e.stage_set_by AS set_by,
              (SELECT value FROM annotations a WHERE a.event_id = e.id) AS tag
       FROM events e LEFT JOIN stages s ON s.id = e.stage_id WHERE e.incident_id = $1 ORDER BY e.line_number`,
      [incidentId],
    );
    expect(rows).toEqual([
      { line_number: 2, t: "01:12", stage: null, set_by: null, tag: null },
      { line_number: 3, t: "02:00", stage: stage.key, set_by: "hand", tag: "mail" },
    ]);
    const entry = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { entityId: again.sourceId, action: "source.replace" } });
    expect(entry.before).toMatchObject({ sourceId: first.sourceId, events: 2 });
    // An entity both readings name keeps its id (links to it stay good) and is seen at the new times.
    const aliceAfter = await t.db.prisma.entity.findFirstOrThrow({ where: { incidentId, value: "alice@example.test" } });
    expect(aliceAfter.id).toBe(alice.id);
    expect(aliceAfter.firstSeenAt?.toISOString()).toBe("2023-05-15T01:12:44.000Z");

    // Without --replace the same bytes are already imported; with other options that reject every row, the reading stays.
    expect((await importFile(ctx, { incidentId, filePath: file })).outcome).toBe("already-imported");
    const bad = await importFile(ctx, { incidentId, filePath: file, options: { timeFormat: "epoch-ms", replace: true } });
    expect(bad).toMatchObject({ outcome: "rejected", imported: 0 });
    expect(bad.replaced).toBeUndefined();
    expect(await t.db.prisma.event.count({ where: { incidentId, sourceId: again.sourceId } })).toBe(2);
    // The failed attempt does not hide the complete reading: the same bytes are still "already imported".
    expect(await importFile(ctx, { incidentId, filePath: file })).toMatchObject({ outcome: "already-imported", sourceId: again.sourceId });
  });

  it("a record the new reading no longer holds takes its annotations with it, and the audit entry keeps them", async () => {
    const { ctx, incidentId } = await newIncident(t.db);
    const file = writeFixture(
      "two-forms.csv",
      ["When,User", "2023-05-15 03:12:44,alice@example.test", "15/05/2023 04:00,bob@example.test"].join("\n"),
    );
    const first = await importFile(ctx, { incidentId, filePath: file });
    expect(first).toMatchObject({ imported: 2 });
    const [bob] = await t.db.sql.query<{ id: string }>(`SELECT id::text FROM events WHERE source_id = $1 AND line_number = 3`, [
      first.sourceId,
    ]);
    await annotateEvents(ctx, incidentId, { action: "comment", eventIds: [bob?.id as string], value: "bob's odd login" });

    const again = await importFile(ctx, { incidentId, filePath: file, options: { timeFormat: "iso", replace: true } });
    expect(again).toMatchObject({ imported: 1, rejected: 1, replaced: { annotationsCarried: 0, annotationsLost: 1 } });
    const entry = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { entityId: again.sourceId, action: "source.replace" } });
    expect((entry.before as { lostAnnotations: { kind: string; value: string }[] }).lostAnnotations).toMatchObject([
      { kind: "comment", value: "bob's odd login" },
    ]);
  });
});
