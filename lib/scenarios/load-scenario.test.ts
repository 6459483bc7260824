import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { getLocalContext } from "@/lib/context/get-local-context";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import type { AnswerKey } from "@/scenarios/storm-0558/generate";
import { loadScenario } from "./load-scenario";

describeEachDatabase("loading the Storm-0558 scenario", (kind) => {
  const t = useTestDatabase(kind);

  it("imports every generated file through the format parsers with nothing rejected, matching the answer key", async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-scenario-")), "s");
    const ctx = await getLocalContext(t.db);
    const r = await loadScenario(ctx, { noise: 300, dir });
    const key = JSON.parse(readFileSync(path.join(dir, "answer-key.json"), "utf8")) as AnswerKey;

    expect(r.summaries.map((s) => s.fileName).sort()).toEqual(key.counts.map((c) => c.file).sort());
    for (const c of key.counts) {
      const s = r.summaries.find((x) => x.fileName === c.file);
      expect(s, c.file).toMatchObject({ format: c.format, read: c.records, imported: c.records, duplicate: 0, rejected: 0 });
      // To the second: the answer key keeps the generator's microseconds even for files whose
      // format writes milliseconds (Winlogbeat) or whole seconds (Graph sign-ins).
      expect(s?.firstEventAt?.slice(0, 19), c.file).toBe(c.firstEventAt?.slice(0, 19));
      expect(s?.lastEventAt?.slice(0, 19), c.file).toBe(c.lastEventAt?.slice(0, 19));
    }
    // The debugging environment's logs end at their retention window: declared as a gap.
    const gaps = await t.db.prisma.gap.findMany({ where: { incidentId: r.incidentId, reason: "retention", origin: "declared" } });
    expect(gaps.some((g) => g.scope === "debug-share-security.jsonl" && g.startAt.toISOString() === "2021-08-01T00:00:00.000Z")).toBe(true);

    // Loading again imports nothing new, runs no analysis and audits nothing.
    const audited = await t.db.prisma.auditEntry.count();
    const again = await loadScenario(ctx, { noise: 300, dir });
    expect(new Set(again.summaries.map((s) => s.outcome))).toEqual(new Set(["already-imported"]));
    expect(again.analysis).toBeNull();
    expect(await t.db.prisma.gap.count({ where: { incidentId: r.incidentId, origin: "declared" } })).toBe(gaps.length);
    expect(await t.db.prisma.auditEntry.count()).toBe(audited);
  });
});
