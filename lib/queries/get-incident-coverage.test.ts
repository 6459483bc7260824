import { expect, it } from "vitest";
import { actorOfUser } from "@/lib/access/actor-of-user";
import { declareGap } from "@/lib/actions/declare-gap";
import { importFile } from "@/lib/ingest/import-file";
import { newIncident, writeFixture } from "@/lib/testing/import-fixtures";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { getIncidentCoverage } from "./get-incident-coverage";

describeEachDatabase("getIncidentCoverage", (kind) => {
  const t = useTestDatabase(kind);

  it("gives each source its first and last event, its line account and its gaps on one axis", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Coverage");
    const a = await importFile(ctx, {
      incidentId,
      fileName: "vpn.jsonl",
      filePath: writeFixture(
        "vpn.jsonl",
        [
          '{"ts":"2023-05-15T03:12:44.123Z","msg":"login ok","user":"alice@example.test"}',
          '{"ts":"2023-05-20T10:00:00Z","msg":"logout"}',
          '{"ts":"broken"',
        ].join("\n"),
      ),
    });
    const b = await importFile(ctx, {
      incidentId,
      filePath: writeFixture(
        "mail.jsonl",
        ['{"ts":"2023-06-01T00:00:00Z","msg":"mail read"}', '{"ts":"2023-07-04T12:30:00Z","msg":"rule added"}'].join("\n"),
      ),
    });
    await declareGap(ctx, {
      incidentId,
      sourceId: b.sourceId,
      scope: "mail.jsonl",
      startAt: new Date("2023-06-10T00:00:00Z"),
      endAt: new Date("2023-06-20T00:00:00Z"),
      reason: "outage",
      description: "collector down",
    });
    await declareGap(ctx, {
      incidentId,
      scope: "debugging environment",
      startAt: new Date("2023-04-01T00:00:00Z"),
      endAt: new Date("2023-05-01T00:00:00Z"),
      reason: "not_collected",
      description: "",
    });

    const c = await getIncidentCoverage(ctx, incidentId);
    expect(c.firstEventAt?.toISOString()).toBe("2023-05-15T03:12:44.123Z");
    expect(c.lastEventAt?.toISOString()).toBe("2023-07-04T12:30:00.000Z");
    expect(c.domain?.map((d) => d.toISOString())).toEqual(["2023-04-01T00:00:00.000Z", "2023-07-04T12:30:00.000Z"]);
    expect(c.rows.map((r) => r.sourceId)).toEqual([a.sourceId, b.sourceId]);
    const [ra, rb] = c.rows;
    expect(ra).toMatchObject({
      name: "vpn.jsonl",
      format: "jsonl",
      readCount: 3,
      importedCount: 2,
      duplicateCount: 0,
      rejectedCount: 1,
      redactionFindings: 0,
      gaps: [],
    });
    expect(ra?.firstEventAt?.toISOString()).toBe("2023-05-15T03:12:44.123Z");
    expect(ra?.lastEventAt?.toISOString()).toBe("2023-05-20T10:00:00.000Z");
    expect(rb).toMatchObject({ readCount: 2, importedCount: 2, duplicateCount: 0, rejectedCount: 0 });
    expect(rb?.firstEventAt?.toISOString()).toBe("2023-06-01T00:00:00.000Z");
    expect(rb?.lastEventAt?.toISOString()).toBe("2023-07-04T12:30:00.000Z");
    expect(rb?.gaps).toHaveLength(1);
    expect(rb?.gaps[0]).toMatchObject({ reason: "outage", origin: "declared", description: "collector down" });
    expect(rb?.gaps[0]?.startAt.toISOString()).toBe("2023-06-10T00:00:00.000Z");
    expect(c.otherGaps).toHaveLength(1);
    expect(c.otherGaps[0]).toMatchObject({ reason: "not_collected", scope: "debugging environment" });
  });

  it("gives a non-member nothing", async () => {
    const { ctx, incidentId } = await newIncident(t.db, "Private");
    await importFile(ctx, { incidentId, filePath: writeFixture("x.jsonl", '{"ts":"2023-05-15T03:12:44Z","msg":"x"}\n') });
    const outsider = await t.db.prisma.user.create({ data: { email: `outsider-${Date.now()}@example.test`, name: "Outsider" } });
    const c = await getIncidentCoverage({ db: t.db, actor: actorOfUser(outsider, "cli") }, incidentId);
    expect(c).toEqual({ firstEventAt: null, lastEventAt: null, domain: null, rows: [], otherGaps: [] });
  });
});
