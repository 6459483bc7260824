import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEBUG_RETENTION, MAILBOX_LOG_FROM } from "./cast";
import { type Generated, generateInTemp, linesOf, ms, recordsOf, recordTime } from "./test-support";

const DEBUG_FILES = ["debug-share-security.jsonl", "credential-scanner.jsonl"];

describe("retention windows and gaps", () => {
  let g: Generated;
  const times = (file: string) => {
    const format = g.manifest.files.find((f) => f.path === file)?.format ?? "";
    return recordsOf(format, linesOf(path.join(g.dir, file))).map((r) => ms(recordTime(format, r.record)));
  };
  beforeAll(async () => {
    g = await generateInTemp(4242, 20_000);
  });
  afterAll(async () => {
    await g?.cleanup();
  });

  it("declares the debugging environment's retention in the manifest, and writes nothing outside it", () => {
    for (const file of DEBUG_FILES) {
      const m = g.manifest.files.find((f) => f.path === file);
      expect(m?.retention).toMatchObject({
        retentionDays: 180,
        retainedFrom: DEBUG_RETENTION.retainedFrom,
        retainedUntil: DEBUG_RETENTION.retainedUntil,
        reason: "retention",
      });
      const from = ms(m?.retention?.retainedFrom ?? "");
      const until = ms(m?.retention?.retainedUntil ?? "");
      expect((until - from) / 86_400_000).toBe(m?.retention?.retentionDays);
      const t = times(file);
      expect(t.length).toBeGreaterThan(100);
      expect(Math.max(...t)).toBeLessThan(until);
      expect(Math.min(...t)).toBeGreaterThanOrEqual(from);
      // The log runs right up to its boundary: it ends for retention, not for lack of activity.
      expect(until - Math.max(...t)).toBeLessThan(3 * 86_400_000);
    }
  });

  it("declares the gap after the window, with reason retention, and keeps the key theft inside it, unlogged", () => {
    const gap = g.key.gaps.find((x) => x.files.includes("debug-share-security.jsonl"));
    expect(gap).toMatchObject({ reason: "retention", start: DEBUG_RETENTION.retainedUntil, declared: true });
    expect(ms(gap?.end ?? "")).toBeGreaterThan(ms(gap?.start ?? ""));
    const theft = g.key.chain.find((s) => s.stage === "key-acquisition");
    expect(theft?.when.precision).toBe("unknown");
    // Its only evidence is the candidate read, inside the window; no record shows the key leaving.
    for (const ref of theft?.evidence ?? []) {
      const e = g.key.events.find((x) => x.ref === ref);
      expect(ms(e?.ts ?? "")).toBeLessThan(ms(DEBUG_RETENTION.retainedUntil));
    }
  });

  it("starts the 2023 mailbox and validation logs at the 30-day bound of 15 May 2023, with the gap before it", () => {
    for (const file of ["ual-mailitemsaccessed-2023.json", "token-validation-2023.jsonl"]) {
      expect(Math.min(...times(file))).toBeGreaterThanOrEqual(ms(MAILBOX_LOG_FROM));
      expect(g.manifest.files.find((f) => f.path === file)?.retention).toMatchObject({ retentionDays: 30, retainedFrom: MAILBOX_LOG_FROM });
    }
    const gap = g.key.gaps.find((x) => x.files.includes("ual-mailitemsaccessed-2023.json"));
    expect(gap).toMatchObject({ reason: "retention", end: MAILBOX_LOG_FROM });
    expect(ms(MAILBOX_LOG_FROM) - ms(gap?.start ?? "")).toBe(30 * 86_400_000);
  });
});
