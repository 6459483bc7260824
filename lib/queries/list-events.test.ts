import { expect, it } from "vitest";
import { actorOfUser } from "@/lib/access/actor-of-user";
import { setEventStage } from "@/lib/chain/actions/set-event-stage";
import type { Ctx } from "@/lib/context/ctx";
import type { Db } from "@/lib/db";
import { importFile } from "@/lib/ingest/import-file";
import type { TEventListQueryInput } from "@/lib/schemas/annotations";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { getTimelineData } from "./get-timeline-data";
import { type EventListRow, listEvents } from "./list-events";

const HOSTILE = "<img src=x onerror=alert(1)>";
const LONG = `long ${"x".repeat(800)}`;

/** 20 VPN records (several sharing one instant, to test ties) and 10 mail records. */
function fixtures() {
  const vpn = Array.from({ length: 20 }, (_, i) => {
    // Records 5–9 share one instant to the microsecond: only the id orders them.
    const ts = i >= 5 && i <= 9 ? "2023-05-15T03:05:00.123456Z" : `2023-05-15T03:${String(i).padStart(2, "0")}:00.00000${i % 10}Z`;
    return JSON.stringify({
      ts,
      msg: i === 3 ? "mimikatz sekurlsa::logonpasswords on the jump host" : `vpn login ${i} ok`,
      user: i % 2 ? "bob@example.test" : "alice@example.test",
      src_ip: `203.0.113.${i + 1}`,
      host: `vpn-${i % 3}`,
      action: i % 4 === 0 ? "logout" : "login",
    });
  });
  const mail = Array.from({ length: 10 }, (_, i) =>
    JSON.stringify({
      ts: `2023-05-16T0${i}:00:00Z`,
      msg: i === 0 ? HOSTILE : i === 1 ? LONG : `mail read ${i}`,
      user: "carol@example.test",
      action: "MailItemsAccessed",
      target: `mailbox-${i}`,
    }),
  );
  return { vpn: `${vpn.join("\n")}\n`, mail: `${mail.join("\n")}\n` };
}

async function seed(db: Db) {
  const { ctx, incidentId } = await newIncident(db, "Events list");
  const f = fixtures();
  const vpn = await importFile(ctx, { incidentId, fileName: "vpn.jsonl", filePath: writeFixture("vpn.jsonl", f.vpn) });
  const mail = await importFile(ctx, { incidentId, fileName: "mail.jsonl", filePath: writeFixture("mail.jsonl", f.mail) });
  const ids = await db.sql.query<{ id: string; message: string }>(
    "SELECT id::text AS id, message FROM events WHERE incident_id = $1 ORDER BY occurred_at, id",
    [incidentId],
  );
  const idOf = (m: string) => ids.find((r) => r.message === m)?.id ?? "";
  // Severities: two critical, three high, the rest none.
  await db.sql.query("UPDATE events SET severity = 'critical' WHERE id = ANY($1::bigint[])", [[idOf("vpn login 2 ok"), idOf(HOSTILE)]]);
  await db.sql.query("UPDATE events SET severity = 'high' WHERE id = ANY($1::bigint[])", [
    [idOf("vpn login 6 ok"), idOf("vpn login 7 ok"), idOf("mail read 5")],
  ]);
  await setEventStage(ctx, incidentId, {
    eventIds: [idOf("mimikatz sekurlsa::logonpasswords on the jump host")],
    stageKey: "credential-access",
  });
  await setEventStage(ctx, incidentId, { eventIds: [idOf("mail read 3"), idOf("mail read 4")], stageKey: "collection" });
  return { ctx, incidentId, vpn, mail, ids, idOf };
}

/** Every page of a query, following the cursors. */
async function allPages(ctx: Ctx, incidentId: string, q: TEventListQueryInput): Promise<EventListRow[]> {
  const out: EventListRow[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 100; n++) {
    const page = await listEvents(ctx, incidentId, { ...q, cursor });
    if (!page) throw new Error("not a member");
    out.push(...page.events);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error("too many pages");
}

describeEachDatabase("listEvents", (kind) => {
  const t = useTestDatabase(kind);

  it("lists events oldest first with their fields, microseconds, a truncated message and the total", async () => {
    const { ctx, incidentId, idOf } = await seed(t.db);
    const page = await listEvents(ctx, incidentId);
    expect(page?.total).toEqual({ count: 30, isCapped: false, label: "30" });
    expect(page?.nextCursor).toBeNull();
    const rows = page?.events ?? [];
    expect(rows).toHaveLength(30);
    expect(rows[0]).toMatchObject({
      occurredAt: "2023-05-15T03:00:00.000000Z",
      source: { name: "vpn.jsonl" },
      action: "logout",
      actor: "alice@example.test",
      host: "vpn-0",
      srcIp: "203.0.113.1",
      message: "vpn login 0 ok",
      messageTruncated: false,
      stage: null,
      severity: null,
      starred: false,
      isKey: false,
      tags: [],
      commentCount: 0,
    });
    expect(rows[1]?.occurredAt).toBe("2023-05-15T03:01:00.000001Z");
    const sorted = [...rows].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || Number(a.id) - Number(b.id));
    expect(rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    const mimikatz = rows.find((r) => r.id === idOf("mimikatz sekurlsa::logonpasswords on the jump host"));
    expect(mimikatz?.stage).toMatchObject({ key: "credential-access", name: "Credential access" });
    // Log content comes back as the text it was, never as markup; long messages are cut at 500.
    expect(rows.find((r) => r.id === idOf(HOSTILE))).toMatchObject({ message: HOSTILE, target: "mailbox-0", severity: "critical" });
    const long = rows.find((r) => r.id === idOf(LONG));
    expect(long?.message).toHaveLength(500);
    expect(long?.messageTruncated).toBe(true);
  });

  it("pages in every sort without gaps or overlaps, ties broken by id", async () => {
    const { ctx, incidentId } = await seed(t.db);
    const sorts: TEventListQueryInput[] = [
      { sort: "time", dir: "asc" },
      { sort: "time", dir: "desc" },
      { sort: "severity", dir: "desc" },
      { sort: "severity", dir: "asc" },
      { sort: "source", dir: "asc" },
      { sort: "action", dir: "desc" },
    ];
    for (const s of sorts) {
      const whole = (await listEvents(ctx, incidentId, { ...s, limit: 500 }))?.events ?? [];
      const paged = await allPages(ctx, incidentId, { ...s, limit: 4 });
      expect(
        paged.map((r) => r.id),
        JSON.stringify(s),
      ).toEqual(whole.map((r) => r.id));
      expect(new Set(paged.map((r) => r.id)).size).toBe(30);
    }
    const desc = (await listEvents(ctx, incidentId, { sort: "time", dir: "desc" }))?.events ?? [];
    expect(desc[0]?.occurredAt).toBe("2023-05-16T09:00:00.000000Z");
    const sev = (await listEvents(ctx, incidentId, { sort: "severity", dir: "desc", limit: 5 }))?.events ?? [];
    expect(sev.map((r) => r.severity)).toEqual(["critical", "critical", "high", "high", "high"]);
    // Within one severity, the later event comes first (the whole key runs one way).
    expect((sev[0]?.occurredAt ?? "") > (sev[1]?.occurredAt ?? "")).toBe(true);
    const bySource = (await listEvents(ctx, incidentId, { sort: "source", limit: 500 }))?.events ?? [];
    expect(bySource[0]?.source.name).toBe("mail.jsonl");
    expect(bySource[29]?.source.name).toBe("vpn.jsonl");
    // Later pages carry no total; a cursor from another sort is refused.
    const first = await listEvents(ctx, incidentId, { limit: 4 });
    const second = await listEvents(ctx, incidentId, { limit: 4, cursor: first?.nextCursor ?? "" });
    expect(second?.total).toBeNull();
    await expect(listEvents(ctx, incidentId, { sort: "severity", cursor: first?.nextCursor ?? "" })).rejects.toThrow(/cursor/);
    await expect(listEvents(ctx, incidentId, { cursor: "bm90LWEtY3Vyc29y" })).rejects.toThrow(/cursor/);
  });

  it("filters by full text, stage, source, severity, time, entity, tag and star", async () => {
    const { ctx, incidentId, vpn, mail, idOf } = await seed(t.db);
    const ids = async (q: TEventListQueryInput) => {
      const page = await listEvents(ctx, incidentId, { ...q, limit: 500 });
      expect(page?.total?.count).toBe(page?.events.length);
      return page?.events.map((r) => r.id) ?? [];
    };
    expect(await ids({ q: "mimikatz" })).toEqual([idOf("mimikatz sekurlsa::logonpasswords on the jump host")]);
    expect(await ids({ q: '"mail read" -3' })).toHaveLength(7);
    expect(await ids({ q: "vpn login" })).toHaveLength(19);
    expect(await ids({ stage: ["collection"] })).toEqual([idOf("mail read 3"), idOf("mail read 4")]);
    expect(await ids({ stage: "collection,credential-access" })).toHaveLength(3);
    expect(await ids({ stage: ["untagged"] })).toHaveLength(27);
    expect(await ids({ source: [mail.sourceId] })).toHaveLength(10);
    expect(await ids({ source: [vpn.sourceId, mail.sourceId], severity: ["critical"] })).toEqual([idOf("vpn login 2 ok"), idOf(HOSTILE)]);
    expect(await ids({ severity: "high,critical" })).toHaveLength(5);
    expect(await ids({ from: "2023-05-15T03:05:00.123456Z", to: "2023-05-15T03:10:00Z" })).toHaveLength(5);
    expect(await ids({ from: "2023-05-16T00:00:00Z" })).toHaveLength(10);

    const [carol] = await t.db.sql.query<{ id: string }>(
      "SELECT id::text AS id FROM entities WHERE incident_id = $1 AND kind = 'account' AND value = 'carol@example.test'",
      [incidentId],
    );
    expect(carol).toBeDefined();
    expect(await ids({ entity: carol?.id })).toHaveLength(10);

    // Annotations, written directly here (annotate-events.test.ts covers the action).
    const author = ctx.actor.userId;
    await t.db.sql.query(
      `INSERT INTO annotations (incident_id, event_id, kind, value, author_id) VALUES
         ($1, $2, 'star', '', $4), ($1, $2, 'tag', 'ioc', $4), ($1, $2, 'tag', 'apt', $4), ($1, $3, 'tag', 'ioc', $4),
         ($1, $3, 'comment', 'looks odd', $4), ($1, $3, 'comment', 'confirmed', $4), ($1, $3, 'key_event', '', $4)`,
      [incidentId, idOf("vpn login 2 ok"), idOf("mail read 5"), author],
    );
    expect(await ids({ starred: true })).toEqual([idOf("vpn login 2 ok")]);
    expect(await ids({ starred: "1", severity: ["high"] })).toEqual([]);
    expect(await ids({ tag: "ioc" })).toEqual([idOf("vpn login 2 ok"), idOf("mail read 5")]);
    const rows = (await listEvents(ctx, incidentId, { tag: "ioc" }))?.events ?? [];
    expect(rows.map((r) => ({ starred: r.starred, isKey: r.isKey, tags: r.tags, comments: r.commentCount }))).toEqual([
      { starred: true, isKey: false, tags: ["apt", "ioc"], comments: 0 },
      { starred: false, isKey: true, tags: ["ioc"], comments: 2 },
    ]);
  });

  it("finds words inside markup-like text, which the search parser would drop as tags", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Markup search");
    const lines = [
      { ts: "2023-05-15T03:00:00Z", msg: "GET /search?q=<script>alert(1)</script> 200" },
      { ts: "2023-05-15T03:01:00Z", msg: "<Data Name='TargetUserName'>svc_backup</Data>" },
      { ts: "2023-05-15T03:02:00Z", msg: "plain login ok" },
    ];
    const file = writeFixture("markup.jsonl", lines.map((l) => JSON.stringify(l)).join("\n"));
    await importFile(ctx, { incidentId, filePath: file });
    const messages = async (q: string) =>
      ((await listEvents(ctx, incidentId, { q, limit: 500 }))?.events ?? []).map((e) => e.message.slice(0, 12));
    expect(await messages("script")).toEqual(["GET /search?"]);
    expect(await messages("alert")).toEqual(["GET /search?"]);
    expect(await messages("<script>")).toEqual(["GET /search?"]);
    expect(await messages("TargetUserName")).toEqual(["<Data Name='"]);
    expect(await messages("svc_backup")).toEqual(["<Data Name='"]);
    // The timeline's text filter is the same expression.
    const timeline = await getTimelineData(ctx, incidentId, { lanes: "source", q: "alert" });
    expect(timeline?.total).toBe(1);
  });

  it("caps the count at 100,000", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Many events");
    const source = await importFile(ctx, {
      incidentId,
      filePath: writeFixture("one.jsonl", '{"ts":"2023-01-01T00:00:00Z","msg":"seed"}\n'),
    });
    await t.db.sql.query(
      `INSERT INTO events (incident_id, source_id, occurred_at, timestamp_text, message, raw, line_number, fingerprint)
       SELECT $1, $2, timestamptz '2023-01-02 00:00:00Z' + g * interval '1 second', '', 'bulk', '{}'::jsonb, g, 'bulk-' || g
       FROM generate_series(1, 100001) g`,
      [incidentId, source.sourceId],
    );
    const page = await listEvents(ctx, incidentId, { limit: 500 });
    expect(page?.total).toEqual({ count: 100_000, isCapped: true, label: "100,000+" });
    expect(page?.events).toHaveLength(500);
    expect((await listEvents(ctx, incidentId, { q: "seed" }))?.total).toEqual({ count: 1, isCapped: false, label: "1" });
  });

  it("gives a non-member nothing and refuses bad input", async () => {
    const { ctx, incidentId } = await seed(t.db);
    const outsider = await t.db.prisma.user.create({ data: { email: `outsider-${Date.now()}@example.test`, name: "Outsider" } });
    expect(await listEvents({ db: t.db, actor: actorOfUser(outsider, "cli") }, incidentId)).toBeNull();
    expect(await listEvents(ctx, "not-a-uuid")).toBeNull();
    await expect(listEvents(ctx, incidentId, { limit: 501 })).rejects.toThrow();
    await expect(listEvents(ctx, incidentId, { severity: ["urgent"] as never })).rejects.toThrow();
    await expect(listEvents(ctx, incidentId, { from: "2023-05-16T00:00:00Z", to: "2023-05-15T00:00:00Z" })).rejects.toThrow(/before/);
  });
});
