import { expect, it } from "vitest";
import { ZodError } from "zod";
import { actorOfUser } from "@/lib/access/actor-of-user";
import type { Ctx } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors/not-found";
import { importFile } from "@/lib/ingest/import-file";
import { listAnnotations, listIncidentTags } from "@/lib/queries/list-annotations";
import { listEvents } from "@/lib/queries/list-events";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { annotateEvents } from "./annotate-events";

async function seed(db: Db, title = "Annotations") {
  const { ctx, incidentId } = await newIncident(db, title);
  const lines = Array.from({ length: 5 }, (_, i) =>
    JSON.stringify({ ts: `2023-05-15T03:0${i}:00Z`, msg: `event ${i}`, user: "alice@example.test" }),
  );
  await importFile(ctx, { incidentId, filePath: writeFixture("a.jsonl", `${lines.join("\n")}\n`) });
  const ids = (
    await db.sql.query<{ id: string }>("SELECT id::text AS id FROM events WHERE incident_id = $1 ORDER BY occurred_at", [incidentId])
  ).map((r) => r.id);
  return { ctx, incidentId, ids };
}

async function auditOf(db: Db, incidentId: string) {
  return db.sql.query<{ action: string; actor_id: string; entity_id: string; before: unknown; after: Record<string, unknown> }>(
    "SELECT action, actor_id::text AS actor_id, entity_id, before, after FROM audit_entries WHERE incident_id = $1 AND action LIKE 'event.%' ORDER BY id",
    [incidentId],
  );
}

async function summary(ctx: Ctx, incidentId: string) {
  const page = await listEvents(ctx, incidentId);
  return page?.events.map((e) => ({ starred: e.starred, isKey: e.isKey, tags: e.tags, comments: e.commentCount })) ?? [];
}

describeEachDatabase("annotateEvents", (kind) => {
  const t = useTestDatabase(kind);

  it("tags, stars, comments and marks key events in bulk, once each, audited with the actor", async () => {
    const { ctx, incidentId, ids } = await seed(t.db);
    const [a = "", b = "", c = ""] = ids;

    expect(await annotateEvents(ctx, incidentId, { eventIds: [a, b, c], action: "tag", value: " ioc " })).toEqual({
      action: "tag",
      eventIds: [a, b, c],
      changed: 3,
    });
    // The same tag again adds nothing; another tag on one event adds one.
    expect((await annotateEvents(ctx, incidentId, { eventIds: [a, b], action: "tag", value: "ioc" })).changed).toBe(0);
    expect((await annotateEvents(ctx, incidentId, { eventIds: [a], action: "tag", value: "apt" })).changed).toBe(1);
    expect((await annotateEvents(ctx, incidentId, { eventIds: [b, c], action: "untag", value: "ioc" })).changed).toBe(2);
    expect((await annotateEvents(ctx, incidentId, { eventIds: [a, b], action: "star" })).changed).toBe(2);
    expect((await annotateEvents(ctx, incidentId, { eventIds: [a, b], action: "star" })).changed).toBe(0);
    expect((await annotateEvents(ctx, incidentId, { eventIds: [b], action: "unstar" })).changed).toBe(1);
    expect(
      (await annotateEvents(ctx, incidentId, { eventIds: [a, c], action: "comment", value: "seen in the <script> report" })).changed,
    ).toBe(2);
    expect((await annotateEvents(ctx, incidentId, { eventIds: [c], action: "comment", value: "second look" })).changed).toBe(1);
    expect((await annotateEvents(ctx, incidentId, { eventIds: [c], action: "key" })).changed).toBe(1);

    expect(await summary(ctx, incidentId)).toEqual([
      { starred: true, isKey: false, tags: ["apt", "ioc"], comments: 1 },
      { starred: false, isKey: false, tags: [], comments: 0 },
      { starred: false, isKey: true, tags: [], comments: 2 },
      { starred: false, isKey: false, tags: [], comments: 0 },
      { starred: false, isKey: false, tags: [], comments: 0 },
    ]);
    expect(await listIncidentTags(ctx, incidentId)).toEqual([
      { tag: "apt", count: 1 },
      { tag: "ioc", count: 1 },
    ]);

    // An event's annotations, oldest first, with who and when.
    const listed = await listAnnotations(ctx, incidentId, c);
    expect(listed?.annotations.map((x) => [x.kind, x.value, x.author.name])).toEqual([
      ["comment", "seen in the <script> report", ctx.actor.name],
      ["comment", "second look", ctx.actor.name],
      ["key_event", "", ctx.actor.name],
    ]);
    expect(listed?.annotations[0]?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect((await annotateEvents(ctx, incidentId, { eventIds: [c], action: "unkey" })).changed).toBe(1);

    // Every change is audited with its actor; a removal keeps the rows it removed.
    const audit = await auditOf(t.db, incidentId);
    expect(audit.map((x) => x.action)).toEqual([
      "event.tag",
      "event.tag",
      "event.tag",
      "event.untag",
      "event.star",
      "event.star",
      "event.unstar",
      "event.comment",
      "event.comment",
      "event.key",
      "event.unkey",
    ]);
    expect(new Set(audit.map((x) => x.actor_id))).toEqual(new Set([ctx.actor.userId]));
    expect(audit[0]).toMatchObject({ entity_id: "3 events", after: { kind: "tag", value: "ioc", eventIds: [a, b, c] } });
    expect(audit[3]?.before).toHaveLength(2);
    expect(audit[9]).toMatchObject({ entity_id: c, after: { kind: "key_event" } });
  });

  it("sets the stage through setEventStage and attaches events to a chain step as key evidence", async () => {
    const { ctx, incidentId, ids } = await seed(t.db);
    const [a = "", b = ""] = ids;
    expect((await annotateEvents(ctx, incidentId, { eventIds: [a, b], action: "stage", stageKey: "execution" })).changed).toBe(2);
    const staged = await listEvents(ctx, incidentId, { stage: ["execution"] });
    expect(staged?.events.map((e) => e.id)).toEqual([a, b]);
    await expect(annotateEvents(ctx, incidentId, { eventIds: [a], action: "stage", stageKey: "no-such-stage" })).rejects.toThrow(
      /no stage/,
    );

    const [step] = await t.db.sql.query<{ id: string }>(
      `INSERT INTO chain_steps (incident_id, stage_id, title, origin)
       SELECT incident_id, id, 'Payload ran', 'rules' FROM stages WHERE incident_id = $1 AND key = 'execution' RETURNING id::text AS id`,
      [incidentId],
    );
    const stepId = step?.id ?? "";
    expect((await annotateEvents(ctx, incidentId, { eventIds: [a, b], action: "attach", stepId })).changed).toBe(2);
    const links = await t.db.sql.query<{ event_id: string; is_key: boolean }>(
      "SELECT event_id::text AS event_id, is_key FROM chain_step_events WHERE step_id = $1 ORDER BY chain_step_events.event_id",
      [stepId],
    );
    expect(links).toEqual([
      { event_id: a, is_key: true },
      { event_id: b, is_key: true },
    ]);
    // The analyst's evidence makes the step theirs, so a rebuild of the chain keeps it.
    const [origin] = await t.db.sql.query<{ origin: string }>("SELECT origin FROM chain_steps WHERE id = $1", [stepId]);
    expect(origin?.origin).toBe("analyst");
    expect((await listAnnotations(ctx, incidentId, a))?.chainSteps).toEqual([
      { id: stepId, title: "Payload ran", stageKey: "execution", stageName: "Execution", isKey: true },
    ]);
    expect((await annotateEvents(ctx, incidentId, { eventIds: [b], action: "detach", stepId })).changed).toBe(1);

    const actions = (
      await t.db.sql.query<{ action: string; actor_id: string }>(
        "SELECT action, actor_id::text AS actor_id FROM audit_entries WHERE incident_id = $1 ORDER BY id",
        [incidentId],
      )
    ).filter((x) => x.action.startsWith("event.") || x.action.startsWith("chain-step."));
    expect(actions.map((x) => x.action)).toEqual(["event.set-stage", "chain-step.update", "chain-step.update"]);
    expect(actions.every((x) => x.actor_id === ctx.actor.userId)).toBe(true);
  });

  it("refuses a non-member, another incident's events, a step of another incident and bad input, writing nothing", async () => {
    const { ctx, incidentId, ids } = await seed(t.db);
    const other = await seed(t.db, "Other");
    const outsider = await t.db.prisma.user.create({ data: { email: `outsider-${Date.now()}@example.test`, name: "Outsider" } });
    const outsiderCtx: Ctx = { db: t.db, actor: actorOfUser(outsider, "cli") };
    const [a = ""] = ids;

    await expect(annotateEvents(outsiderCtx, incidentId, { eventIds: [a], action: "star" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(annotateEvents(ctx, "not-an-incident", { eventIds: [a], action: "star" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(annotateEvents(ctx, incidentId, { eventIds: [a, other.ids[0] ?? ""], action: "tag", value: "x" })).rejects.toThrow(
      /1 of the 2 events are not in incident/,
    );
    const [foreignStep] = await t.db.sql.query<{ id: string }>(
      `INSERT INTO chain_steps (incident_id, stage_id, title) SELECT incident_id, id, 'x' FROM stages WHERE incident_id = $1 LIMIT 1 RETURNING id::text AS id`,
      [other.incidentId],
    );
    await expect(annotateEvents(ctx, incidentId, { eventIds: [a], action: "attach", stepId: foreignStep?.id ?? "" })).rejects.toThrow(
      /no chain step/,
    );
    await expect(annotateEvents(ctx, incidentId, { eventIds: [a], action: "tag", value: "  " })).rejects.toBeInstanceOf(ZodError);
    await expect(annotateEvents(ctx, incidentId, { eventIds: [a], action: "comment" } as never)).rejects.toBeInstanceOf(ZodError);
    await expect(annotateEvents(ctx, incidentId, { eventIds: [], action: "star" })).rejects.toBeInstanceOf(ZodError);
    await expect(annotateEvents(ctx, incidentId, { eventIds: [a], action: "explode" } as never)).rejects.toBeInstanceOf(ZodError);

    const [n] = await t.db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM annotations WHERE incident_id = ANY($1::uuid[])", [
      [incidentId, other.incidentId],
    ]);
    expect(n?.n).toBe(0);
    expect(await auditOf(t.db, incidentId)).toEqual([]);
    expect(await listAnnotations(outsiderCtx, incidentId, a)).toBeNull();
    expect(await listAnnotations(ctx, other.incidentId, a)).toBeNull();
    expect(await listIncidentTags(outsiderCtx, incidentId)).toEqual([]);
  });
});
