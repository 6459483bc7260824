import { expect, it } from "vitest";
import { actorOfUser } from "@/lib/access/actor-of-user";
import { declareGap } from "@/lib/actions/declare-gap";
import type { Ctx } from "@/lib/context/ctx";
import { importFile } from "@/lib/ingest/import-file";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { NONE_LANE, OTHER_LANE, TOP_LANES, UNTAGGED } from "@/lib/timeline/lanes";
import { getTimelineData, type TimelineData } from "./get-timeline-data";

type Line = { ts: string; msg: string; user?: string | null; host?: string | null };

const jsonl = (lines: Line[]) =>
  lines.map((l) => JSON.stringify({ ts: l.ts, msg: l.msg, user: l.user ?? null, host: l.host ?? null })).join("\n");

// Two sources: a VPN log (microsecond times, hosts and users) and a mail log.
const VPN: Line[] = [
  { ts: "2021-04-20T07:42:13.485321Z", msg: "crash dump written by signing service", host: "sign-01" },
  { ts: "2021-04-20T08:19:52.716Z", msg: "dump copied to debug share", user: "svc-xfer", host: "dbg-01" },
  { ts: "2023-05-15T02:47:28.000001Z", msg: "login ok from unfamiliar address", user: "alice@example.test", host: "gw-01" },
  { ts: "2023-05-15T03:00:00Z", msg: "login ok", user: "alice@example.test", host: "gw-01" },
  { ts: "2023-05-16T10:00:00Z", msg: "logout", user: "bob@example.test", host: "gw-02" },
];
const MAIL: Line[] = [
  { ts: "2023-05-15T02:47:30Z", msg: "MailItemsAccessed by app 01850f97", user: "alice@example.test" },
  { ts: "2023-06-16T09:00:00Z", msg: "alert: unexpected AppId reading mail", user: "soc@example.test" },
];
const ALL = [...VPN, ...MAIL];

async function seed(ctx: Ctx, incidentId: string) {
  const a = await importFile(ctx, { incidentId, fileName: "vpn.jsonl", filePath: writeFixture("vpn.jsonl", jsonl(VPN)) });
  const b = await importFile(ctx, { incidentId, fileName: "mail.jsonl", filePath: writeFixture("mail.jsonl", jsonl(MAIL)) });
  // Start from no stage and no severity, whatever rules may have run at import.
  await ctx.db.sql.query("UPDATE events SET stage_id = NULL, severity = NULL WHERE incident_id = $1::uuid", [incidentId]);
  return { vpn: a.sourceId, mail: b.sourceId };
}

const sumCells = (d: TimelineData) => (d.kind === "buckets" ? d.cells.reduce((n, c) => n + c.n, 0) : Number.NaN);

describeEachDatabase("getTimelineData", (kind) => {
  const t = useTestDatabase(kind);

  it("returns raw events with microseconds, lanes by source in import order, and the extent", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Timeline raw");
    const { vpn, mail } = await seed(ctx, incidentId);
    const d = await getTimelineData(ctx, incidentId, { lanes: "source" });
    if (d?.kind !== "events") throw new Error(`expected raw events, got ${d?.kind}`);
    expect(d.total).toBe(ALL.length);
    expect(d.extent).toEqual({ from: "2021-04-20T07:42:13.485321Z", to: "2023-06-16T09:00:00.000000Z" });
    expect(d.lanes.map((l) => [l.key, l.label, l.count])).toEqual([
      [vpn, "vpn.jsonl", VPN.length],
      [mail, "mail.jsonl", MAIL.length],
    ]);
    // In time order, every one at full microsecond precision.
    expect(d.events.map((e) => e.occurredAt)).toEqual([
      "2021-04-20T07:42:13.485321Z",
      "2021-04-20T08:19:52.716000Z",
      "2023-05-15T02:47:28.000001Z",
      "2023-05-15T02:47:30.000000Z",
      "2023-05-15T03:00:00.000000Z",
      "2023-05-16T10:00:00.000000Z",
      "2023-06-16T09:00:00.000000Z",
    ]);
    const crash = d.events[0];
    expect(crash).toMatchObject({ occurredAt: "2021-04-20T07:42:13.485321Z", lane: vpn, sourceId: vpn, host: "sign-01", stage: null });
    expect(d.events.find((e) => e.message.startsWith("login ok from"))?.occurredAt).toBe("2023-05-15T02:47:28.000001Z");
    // A window edge in microseconds: [from, to) keeps the event at from and drops the one at to.
    const edge = await getTimelineData(ctx, incidentId, {
      lanes: "source",
      from: "2023-05-15T02:47:28.000001Z",
      to: "2023-05-15T03:00:00Z",
    });
    expect(edge?.kind === "events" && edge.events.map((e) => e.occurredAt)).toEqual([
      "2023-05-15T02:47:28.000001Z",
      "2023-05-15T02:47:30.000000Z",
    ]);
  });

  it("switches from raw events to bins above the limit, and the bins sum to the events in the window", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Timeline buckets");
    const { vpn, mail } = await seed(ctx, incidentId);
    const window = { from: "2021-04-20T08:00:00Z", to: "2023-05-16T10:00:00Z" }; // `to` is exclusive: the logout is out
    const inWindow = ALL.filter((l) => l.ts >= "2021-04-20T08:00:00Z" && l.ts < "2023-05-16T10:00:00Z");
    expect(inWindow).toHaveLength(4);

    const atLimit = await getTimelineData(ctx, incidentId, { ...window, lanes: "source", limit: inWindow.length });
    expect(atLimit?.kind).toBe("events");
    expect(atLimit?.total).toBe(inWindow.length);

    const over = await getTimelineData(ctx, incidentId, { ...window, lanes: "source", limit: inWindow.length - 1, width: 800 });
    if (over?.kind !== "buckets") throw new Error(`expected bins, got ${over?.kind}`);
    expect(sumCells(over)).toBe(inWindow.length);
    expect(over.total).toBe(inWindow.length);
    expect(over.lanes.map((l) => [l.key, l.count])).toEqual([
      [vpn, 3],
      [mail, 1],
    ]);
    // Bins are round, epoch-aligned and few: at most 2 px each.
    expect(over.binMs).toBeGreaterThanOrEqual((Date.parse(window.to) - Date.parse(window.from)) / 400);
    expect(over.cells.every((c) => c.t % over.binMs === 0)).toBe(true);

    // limit 0 always bins (the overview strip), over the whole incident when no window is given.
    const whole = await getTimelineData(ctx, incidentId, { lanes: "stage", limit: 0, width: 1500 });
    if (whole?.kind !== "buckets") throw new Error("expected bins");
    expect(sumCells(whole)).toBe(ALL.length);
    expect(whole.cells.length).toBeLessThanOrEqual(6_000);
  });

  it("lays out stage lanes by position then untagged, and host lanes as the top values, other and none", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Timeline lanes");
    await seed(ctx, incidentId);
    const stages = await ctx.db.prisma.stage.findMany({ where: { incidentId }, orderBy: { position: "asc" } });
    const [first, last] = [stages[0], stages.at(-1)];
    if (!first || !last) throw new Error("no stages");
    await ctx.db.sql.query(
      `UPDATE events SET stage_id = CASE WHEN message LIKE 'crash%' THEN $2::uuid ELSE $3::uuid END
       WHERE incident_id = $1::uuid AND (message LIKE 'crash%' OR message LIKE 'MailItems%')`,
      [incidentId, first.id, last.id],
    );
    const byStage = await getTimelineData(ctx, incidentId, { lanes: "stage" });
    if (byStage?.kind !== "events") throw new Error("expected events");
    expect(byStage.lanes.map((l) => l.key)).toEqual([...stages.map((s) => s.key), UNTAGGED]);
    expect(byStage.lanes.find((l) => l.key === first.key)?.count).toBe(1);
    expect(byStage.lanes.find((l) => l.key === last.key)?.count).toBe(1);
    expect(byStage.lanes.at(-1)).toMatchObject({ key: UNTAGGED, kind: "untagged", count: ALL.length - 2 });
    expect(byStage.events.find((e) => e.message.startsWith("crash"))).toMatchObject({ lane: first.key, stage: first.key });

    const binned = await getTimelineData(ctx, incidentId, { lanes: "stage", limit: 1 });
    if (binned?.kind !== "buckets") throw new Error("expected bins");
    expect(binned.lanes.map((l) => l.count)).toEqual(byStage.lanes.map((l) => l.count));

    // Hosts: 12 more hosts with falling counts, so two of them go to "other".
    const lines: Line[] = [];
    for (let h = 0; h < 12; h++) {
      for (let i = 0; i <= 12 - h; i++)
        lines.push({
          ts: `2022-01-${String(h + 1).padStart(2, "0")}T00:00:${String(i).padStart(2, "0")}Z`,
          msg: "ping",
          host: `h${String(h).padStart(2, "0")}`,
        });
    }
    await importFile(ctx, { incidentId, fileName: "hosts.jsonl", filePath: writeFixture("hosts.jsonl", jsonl(lines)) });
    const byHost = await getTimelineData(ctx, incidentId, { lanes: "host", limit: 0 });
    if (byHost?.kind !== "buckets") throw new Error("expected bins");
    const keys = byHost.lanes.map((l) => l.key);
    expect(keys).toHaveLength(TOP_LANES + 2);
    expect(keys.slice(0, TOP_LANES)).toEqual(["h00", "h01", "h02", "h03", "h04", "h05", "h06", "h07", "h08", "h09"]);
    expect(keys.slice(TOP_LANES)).toEqual([OTHER_LANE, NONE_LANE]);
    const count = (k: string) => byHost.lanes.find((l) => l.key === k)?.count;
    expect(count("h00")).toBe(13);
    // h10, h11 and the five VPN hosts are "other"; the two mail events have no host.
    expect(count(OTHER_LANE)).toBe(3 + 2 + VPN.length);
    expect(count(NONE_LANE)).toBe(MAIL.length);
    expect(sumCells(byHost)).toBe(ALL.length + lines.length);
    const raw = await getTimelineData(ctx, incidentId, { lanes: "host", from: "2021-04-20T00:00:00Z", to: "2021-04-21T00:00:00Z" });
    if (raw?.kind !== "events") throw new Error("expected events");
    expect(raw.events.map((e) => e.lane)).toEqual([OTHER_LANE, OTHER_LANE]);
  });

  it("narrows by text, source, stage, severity and entity", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Timeline filters");
    const { vpn, mail } = await seed(ctx, incidentId);
    const stage = await ctx.db.prisma.stage.findFirstOrThrow({ where: { incidentId }, orderBy: { position: "asc" } });
    await ctx.db.sql.query(
      `UPDATE events SET stage_id = $2::uuid, severity = 'high' WHERE incident_id = $1::uuid AND message LIKE 'login ok%'`,
      [incidentId, stage.id],
    );
    const total = async (input: Parameters<typeof getTimelineData>[2]) =>
      (await getTimelineData(ctx, incidentId, { lanes: "source", ...input }))?.total;

    expect(await total({ q: "login" })).toBe(2);
    expect(await total({ q: '"debug share"' })).toBe(1);
    expect(await total({ q: "login -unfamiliar" })).toBe(1);
    expect(await total({ source: [mail] })).toBe(MAIL.length);
    expect(await total({ source: [vpn, mail] })).toBe(ALL.length);
    expect(await total({ stage: [stage.key] })).toBe(2);
    expect(await total({ stage: [UNTAGGED] })).toBe(ALL.length - 2);
    expect(await total({ stage: [stage.key, UNTAGGED] })).toBe(ALL.length);
    expect(await total({ stage: ["no-such-stage"] })).toBe(0);
    expect(await total({ severity: ["high", "critical"] })).toBe(2);
    expect(await total({ severity: ["low"] })).toBe(0);
    const alice = await ctx.db.prisma.entity.findFirstOrThrow({ where: { incidentId, kind: "account", value: "alice@example.test" } });
    const byEntity = await getTimelineData(ctx, incidentId, { lanes: "source", entity: alice.id });
    expect(byEntity?.total).toBe(3);
    expect(byEntity?.entity).toEqual({ id: alice.id, kind: "account", value: "alice@example.test" });
    // Filters and bins together: still one GROUP BY, still summing to the filtered count.
    const binned = await getTimelineData(ctx, incidentId, { lanes: "source", entity: alice.id, q: "login", limit: 0 });
    expect(binned && sumCells(binned)).toBe(2);
  });

  it("returns the chain steps and the gaps with the lanes they affect", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Timeline chain");
    const { vpn } = await seed(ctx, incidentId);
    const stages = await ctx.db.prisma.stage.findMany({ where: { incidentId }, orderBy: { position: "asc" } });
    const [s0, s1] = stages;
    if (!s0 || !s1) throw new Error("no stages");
    const step1 = await ctx.db.prisma.chainStep.create({
      data: {
        incidentId,
        stageId: s0.id,
        title: "Crash dump",
        startAt: new Date("2021-04-20T07:42:13Z"),
        confidence: "confirmed",
        confidenceScore: 90,
        position: 0,
      },
    });
    const step2 = await ctx.db.prisma.chainStep.create({
      data: {
        incidentId,
        stageId: s1.id,
        title: "Key taken",
        isInferred: true,
        confidence: "possible",
        confidenceScore: 35,
        position: 1,
        startAt: new Date("2021-04-21T00:00:00Z"),
        endAt: new Date("2023-05-15T00:00:00Z"),
      },
    });
    const bySource = await declareGap(ctx, {
      incidentId,
      sourceId: vpn,
      scope: "vpn.jsonl",
      startAt: new Date("2021-08-01T00:00:00Z"),
      endAt: new Date("2023-05-15T00:00:00Z"),
      reason: "retention",
      description: "180 days",
    });
    const byStep = await declareGap(ctx, {
      incidentId,
      scope: "debugging environment",
      startAt: new Date("2021-05-01T00:00:00Z"),
      endAt: new Date("2023-05-01T00:00:00Z"),
      reason: "not_collected",
      description: "",
    });
    await ctx.db.prisma.gapChainStep.create({ data: { incidentId, gapId: byStep.id, stepId: step2.id } });

    const d = await getTimelineData(ctx, incidentId, { lanes: "source" });
    expect(
      d?.steps.map((s) => [s.id, s.title, s.stageKey, s.isInferred, s.confidence, s.confidenceScore, s.position, s.startAt, s.endAt]),
    ).toEqual([
      [step1.id, "Crash dump", s0.key, false, "confirmed", 90, 0, "2021-04-20T07:42:13.000Z", null],
      [step2.id, "Key taken", s1.key, true, "possible", 35, 1, "2021-04-21T00:00:00.000Z", "2023-05-15T00:00:00.000Z"],
    ]);
    const gap = (data: TimelineData | null, id: string) => data?.gaps.find((g) => g.id === id);
    expect(gap(d, bySource.id)).toMatchObject({ reason: "retention", origin: "declared", sourceId: vpn, lanes: [vpn], stepIds: [] });
    expect(gap(d, byStep.id)).toMatchObject({ reason: "not_collected", scope: "debugging environment", lanes: [], stepIds: [step2.id] });
    const byStage = await getTimelineData(ctx, incidentId, { lanes: "stage" });
    expect(gap(byStage, byStep.id)?.lanes).toEqual([s1.key]);
    expect(gap(byStage, bySource.id)?.lanes).toEqual([]);
  });

  it("gives a non-member nothing and refuses a backwards window", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Timeline private");
    await seed(ctx, incidentId);
    const outsider = await t.db.prisma.user.create({ data: { email: `outsider-${Date.now()}@example.test`, name: "Outsider" } });
    expect(await getTimelineData({ db: t.db, actor: actorOfUser(outsider, "cli") }, incidentId, {})).toBeNull();
    await expect(getTimelineData(ctx, incidentId, { from: "2023-01-02T00:00:00Z", to: "2023-01-01T00:00:00Z" })).rejects.toThrow(/before/);
  });
});
