import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { actorOfUser } from "@/lib/access/actor-of-user";
import { importFile } from "@/lib/ingest/import-file";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { ENTITY_EVENTS_PAGE_SIZE, type EntityDetail, getEntity, ZEntityEventsCursor } from "./get-entity";
import { listEntities } from "./list-entities";

const LONG = "copied the crash dump to the debugging share; ".repeat(10);

// Generic JSONL: `user`, `host` and `src_ip` become account, host and ip entities by themselves.
const VPN = [
  { time: "2023-05-15T03:12:44.123456Z", message: "login ok", user: "Alice@Example.test", host: "WKS-1", src_ip: "203.0.113.7" },
  { time: "2023-05-15T03:12:44.123456Z", message: "mail read", user: "alice@example.test", host: "WKS-1", src_ip: "203.0.113.7" },
  { time: "2023-05-16T10:00:00.000001Z", message: LONG, user: "alice@example.test", host: "WKS-2", src_ip: "198.51.100.9" },
  { time: "2023-05-17T00:00:00Z", message: "login ok", user: "bob@example.test", host: "WKS-1", src_ip: "203.0.113.7" },
  { time: "2023-05-20T23:59:59.999999Z", message: "<script>alert(1)</script>", user: "alice@example.test", src_ip: "203.0.113.7" },
];

const ENTRA = readFileSync(path.join(import.meta.dirname, "../ingest/parsers/fixtures/entra/signin-graph.jsonl"), "utf8");

describeEachDatabase("getEntity", (kind) => {
  const t = useTestDatabase(kind);

  async function entityId(
    ctx: Parameters<typeof listEntities>[0],
    incidentId: string,
    k: "account" | "ip" | "host" | "session",
    value: string,
  ) {
    const { entities } = await listEntities(ctx, incidentId, { kind: k, q: value });
    const found = entities.find((e) => e.value === value);
    if (!found) throw new Error(`no ${k} ${value}`);
    return found.id;
  }

  it("gives an entity its span, counts, stages, sources and related entities", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Entities");
    await importFile(ctx, {
      incidentId,
      fileName: "vpn.jsonl",
      filePath: writeFixture("vpn.jsonl", VPN.map((r) => JSON.stringify(r)).join("\n")),
    });
    await importFile(ctx, { incidentId, fileName: "signin-graph.jsonl", filePath: writeFixture("signin-graph.jsonl", ENTRA) });
    // Stages: only what this test sets, whatever the built-in rules made of the records.
    await t.db.sql.query(`UPDATE events SET stage_id = NULL WHERE incident_id = $1`, [incidentId]);
    await t.db.sql.query(
      `UPDATE events SET stage_id = (SELECT id FROM stages WHERE incident_id = $1 ORDER BY position LIMIT 1) WHERE incident_id = $1 AND message LIKE 'copied%'`,
      [incidentId],
    );
    const [firstStage] = await t.db.sql.query<{ key: string; name: string }>(
      `SELECT key, name FROM stages WHERE incident_id = $1 ORDER BY position LIMIT 1`,
      [incidentId],
    );

    const alice = await getEntity(ctx, incidentId, await entityId(ctx, incidentId, "account", "alice@example.test"));
    expect(alice).toMatchObject({
      kind: "account",
      value: "alice@example.test",
      eventCount: 4,
      firstSeenAt: "2023-05-15T03:12:44.123456Z",
      lastSeenAt: "2023-05-20T23:59:59.999999Z",
      unstagedCount: 3,
      sources: [{ name: "vpn.jsonl", count: 4 }],
      nextCursor: null,
    });
    expect(alice?.stages).toEqual([
      {
        key: firstStage?.key,
        name: firstStage?.name,
        position: expect.any(Number),
        count: 1,
        firstSeenAt: "2023-05-16T10:00:00.000001Z",
        lastSeenAt: "2023-05-16T10:00:00.000001Z",
      },
    ]);
    expect(alice?.related.map((r) => [r.relation, r.kind, r.value, r.sharedCount, r.roles])).toEqual([
      ["same IP", "ip", "203.0.113.7", 3, ["src"]],
      ["same host", "host", "wks-1", 2, ["host"]],
      ["same host", "host", "wks-2", 1, ["host"]],
      ["same IP", "ip", "198.51.100.9", 1, ["src"]],
    ]);

    // Events: chronological, microseconds kept, the message bounded and kept as text.
    const events = alice?.events ?? [];
    expect(events.map((e) => e.occurredAt)).toEqual([
      "2023-05-15T03:12:44.123456Z",
      "2023-05-15T03:12:44.123456Z",
      "2023-05-16T10:00:00.000001Z",
      "2023-05-20T23:59:59.999999Z",
    ]);
    expect(Number(events[0]?.id)).toBeLessThan(Number(events[1]?.id));
    expect(events[0]).toMatchObject({ sourceName: "vpn.jsonl", actor: "Alice@Example.test", srcIp: "203.0.113.7", roles: ["actor"] });
    expect(events[2]).toMatchObject({ isMessageTruncated: true, stageKey: firstStage?.key, stageName: firstStage?.name });
    expect(events[2]?.message).toHaveLength(300);
    expect(events[3]).toMatchObject({ message: "<script>alert(1)</script>", isMessageTruncated: false, stageKey: null });

    // The IP is shared by both files: both sources, and the accounts of both.
    const ip = await getEntity(ctx, incidentId, await entityId(ctx, incidentId, "ip", "203.0.113.7"));
    expect(ip?.eventCount).toBe(6);
    expect(ip?.sources).toEqual([
      { id: expect.any(String), name: "vpn.jsonl", count: 4 },
      { id: expect.any(String), name: "signin-graph.jsonl", count: 2 },
    ]);
    const accounts = ip?.related.filter((r) => r.kind === "account").map((r) => [r.value, r.sharedCount, r.relation]);
    expect(accounts).toEqual([
      ["alice@example.test", 3, "same account"],
      ["victim@contoso.test", 2, "same account"],
      ["bob@example.test", 1, "same account"],
    ]);

    // The Entra sign-ins tie the account to its session and tokens.
    const victim = await getEntity(ctx, incidentId, await entityId(ctx, incidentId, "account", "victim@contoso.test"));
    const session = victim?.related.find((r) => r.kind === "session" && r.roles.includes("aad-session"));
    expect(session).toMatchObject({ value: "aad5e551-0000-4000-8000-000000000001", sharedCount: 2, relation: "same session" });
    expect(victim?.related.filter((r) => r.roles.includes("token")).map((r) => r.sharedCount)).toEqual([1, 1]);
    expect(victim?.related.find((r) => r.kind === "tenant")?.relation).toBe("co-occurs");
  });

  it("pages the events by (time, id) with no overlap and no gap", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Pages");
    // Three records per second, so page boundaries fall between events of one instant.
    const lines = Array.from({ length: 150 }, (_, i) =>
      JSON.stringify({
        time: new Date(Date.UTC(2023, 5, 1) + Math.floor(i / 3) * 1000).toISOString(),
        message: `token use ${i}`,
        user: "pager@example.test",
      }),
    );
    await importFile(ctx, { incidentId, filePath: writeFixture("pages.jsonl", lines.join("\n")) });
    const id = await entityId(ctx, incidentId, "account", "pager@example.test");
    const all = await t.db.sql.query<{ id: string }>(
      `SELECT ev.id::text AS id FROM event_entities ee JOIN events ev ON ev.id = ee.event_id WHERE ee.entity_id = $1 ORDER BY ev.occurred_at, ev.id`,
      [id],
    );
    expect(all).toHaveLength(150);

    const first = await getEntity(ctx, incidentId, id);
    expect(first?.events).toHaveLength(ENTITY_EVENTS_PAGE_SIZE);
    expect(first?.nextCursor).toMatch(/^2023-06-01T00:00:33\.000000Z_\d+$/);
    const after = ZEntityEventsCursor.parse(first?.nextCursor);
    const second = await getEntity(ctx, incidentId, id, { after });
    expect(second?.events).toHaveLength(50);
    expect(second?.nextCursor).toBeNull();
    const ids = [...(first?.events ?? []), ...(second?.events ?? [])].map((e) => e.id);
    expect(ids).toEqual(all.map((r) => r.id));
    // Every page carries the whole entity, not just the page.
    expect(second).toMatchObject({
      eventCount: 150,
      firstSeenAt: "2023-06-01T00:00:00.000000Z",
      lastSeenAt: "2023-06-01T00:00:49.000000Z",
    });

    // Small pages walk the same sequence across many boundaries.
    const walked: string[] = [];
    let page: EntityDetail | null = await getEntity(ctx, incidentId, id, { pageSize: 7 });
    while (page) {
      walked.push(...page.events.map((e) => e.id));
      page = page.nextCursor
        ? await getEntity(ctx, incidentId, id, { pageSize: 7, after: ZEntityEventsCursor.parse(page.nextCursor) })
        : null;
    }
    expect(walked).toEqual(all.map((r) => r.id));
  });

  it("lists entities by event count, filtered by kind and text", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "List");
    await importFile(ctx, { incidentId, filePath: writeFixture("vpn.jsonl", VPN.map((r) => JSON.stringify(r)).join("\n")) });
    const all = await listEntities(ctx, incidentId);
    expect(all.entities.map((e) => [e.kind, e.value, e.eventCount])).toEqual([
      ["account", "alice@example.test", 4],
      ["ip", "203.0.113.7", 4],
      ["host", "wks-1", 3],
      ["account", "bob@example.test", 1],
      ["host", "wks-2", 1],
      ["ip", "198.51.100.9", 1],
    ]);
    expect(all.total).toBe(6);
    expect(all.kinds).toEqual([
      { kind: "account", count: 2 },
      { kind: "host", count: 2 },
      { kind: "ip", count: 2 },
    ]);
    const alice = all.entities.find((e) => e.value === "alice@example.test");
    expect(alice).toMatchObject({ firstSeenAt: "2023-05-15T03:12:44.123456Z", lastSeenAt: "2023-05-20T23:59:59.999999Z" });
    expect((await listEntities(ctx, incidentId, { kind: "host" })).entities.map((e) => e.value)).toEqual(["wks-1", "wks-2"]);
    expect((await listEntities(ctx, incidentId, { q: "EXAMPLE" })).entities.map((e) => e.value)).toEqual([
      "alice@example.test",
      "bob@example.test",
    ]);
    // LIKE wildcards in the search match only themselves.
    expect((await listEntities(ctx, incidentId, { q: "%" })).total).toBe(0);
    expect((await listEntities(ctx, incidentId, { q: "wks_" })).total).toBe(0);
  });

  it("gives a non-member, another incident's entity and a malformed id nothing", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Private");
    await importFile(ctx, {
      incidentId,
      filePath: writeFixture("x.jsonl", '{"ts":"2023-05-15T03:12:44Z","msg":"x","user":"carol@example.test"}\n'),
    });
    const id = await entityId(ctx, incidentId, "account", "carol@example.test");
    expect(await getEntity(ctx, incidentId, id)).not.toBeNull();

    const outsider = await t.db.prisma.user.create({ data: { email: `outsider-${Date.now()}@example.test`, name: "Outsider" } });
    const outsiderCtx = { db: t.db, actor: actorOfUser(outsider, "cli") };
    expect(await getEntity(outsiderCtx, incidentId, id)).toBeNull();
    expect(await listEntities(outsiderCtx, incidentId)).toEqual({ entities: [], total: 0, kinds: [] });

    const other = await newIncident(t.db, "Other");
    expect(await getEntity(ctx, other.incidentId, id)).toBeNull();
    expect(await getEntity(ctx, incidentId, "not-a-uuid")).toBeNull();
    expect(await getEntity(ctx, incidentId, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
