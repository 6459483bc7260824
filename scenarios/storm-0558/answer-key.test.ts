import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAGE_KEYS } from "./answer-key-types";
import { type Generated, generateInTemp, getPath, linesOf, ms, recordAt, recordsOf, recordTime } from "./test-support";

describe("the answer key", () => {
  let g: Generated;
  const formatOf = (file: string) => g.manifest.files.find((f) => f.path === file)?.format ?? "";
  beforeAll(async () => {
    g = await generateInTemp(558, 5_000);
  });
  afterAll(async () => {
    await g?.cleanup();
  });

  it("points every event at a real line holding that record: native id, fields and time", () => {
    expect(g.key.events.length).toBeGreaterThan(100);
    const cache = new Map<string, string[]>();
    for (const e of g.key.events) {
      const lines = cache.get(e.file) ?? linesOf(path.join(g.dir, e.file));
      cache.set(e.file, lines);
      const format = formatOf(e.file);
      const record = recordAt(format, lines, e.line);
      if (e.nativeIdField) expect(String(getPath(record, e.nativeIdField)), `${e.ref} id`).toBe(e.nativeId);
      else expect(e.nativeId).toBeNull();
      for (const [field, value] of Object.entries(e.match)) expect(getPath(record, field), `${e.ref} ${field}`).toBe(value);
      // The record's own time, at the precision the file writes, is the key's time.
      expect(ms(recordTime(format, record)), `${e.ref} time`).toBe(ms(e.ts));
    }
  });

  it("has unique refs, known stages, and at least one event for every stage but the inferred key theft's own", () => {
    const refs = g.key.events.map((e) => e.ref);
    expect(new Set(refs).size).toBe(refs.length);
    const stages = new Set(g.key.events.map((e) => e.stage));
    for (const s of stages) expect(STAGE_KEYS).toContain(s);
    for (const s of STAGE_KEYS) expect(stages.has(s), s).toBe(true);
    const nativeIds = g.key.events.filter((e) => e.nativeId !== null).map((e) => `${e.file}|${e.nativeId}`);
    expect(new Set(nativeIds).size).toBe(nativeIds.length);
  });

  it("counts exactly the lines and records written, in the key and the manifest", () => {
    for (const c of g.key.counts) {
      const file = path.join(g.dir, c.file);
      const text = readFileSync(file, "utf8");
      expect(text.split("\n").length - 1, `${c.file} lines`).toBe(c.lines);
      expect(recordsOf(c.format, linesOf(file)).length, `${c.file} records`).toBe(c.records);
      expect(c.storyRecords + c.backgroundRecords).toBe(c.records);
      expect(c.storyRecords).toBe(g.key.events.filter((e) => e.file === c.file).length);
      const m = g.manifest.files.find((f) => f.path === c.file);
      expect(m).toMatchObject({ lines: c.lines, records: c.records, sha256: c.sha256, format: c.format });
      const r = g.result.files.find((f) => path.basename(f.path) === c.file);
      expect(r).toMatchObject({ lines: c.lines, records: c.records, sha256: c.sha256 });
    }
    const background = g.key.counts.reduce((n, c) => n + c.backgroundRecords, 0);
    expect(Math.abs(background - 5_000)).toBeLessThan(5_000 * 0.03);
  });

  it("keeps each file in its stated order and within its first/last times", () => {
    for (const c of g.key.counts) {
      const format = c.format;
      const times = recordsOf(format, linesOf(path.join(g.dir, c.file))).map((r) => ms(recordTime(format, r.record)));
      const order = g.manifest.files.find((f) => f.path === c.file)?.order;
      for (let i = 1; i < times.length; i++) {
        const [prev, cur] = [times[i - 1] ?? 0, times[i] ?? 0];
        if (order === "descending") expect(cur, c.file).toBeLessThanOrEqual(prev);
        else expect(cur, c.file).toBeGreaterThanOrEqual(prev);
      }
      // Files that write whole seconds (or milliseconds) cut the key's microseconds.
      const first = ms(c.firstEventAt ?? "");
      expect(Math.min(...times)).toBeLessThanOrEqual(first);
      expect(Math.min(...times)).toBeGreaterThan(first - 1_000);
    }
  });

  it("gives each chain step a stage, dates, confidence and evidence that exists", () => {
    const refs = new Set(g.key.events.map((e) => e.ref));
    expect(g.key.chain.map((s) => s.stage)).toEqual([...STAGE_KEYS]);
    for (const s of g.key.chain) {
      expect(s.confidence.score).toBeGreaterThanOrEqual(0);
      expect(s.confidence.score).toBeLessThanOrEqual(100);
      expect(s.confidenceHistory.at(-1)).toMatchObject(s.confidence);
      expect(s.rationale.length).toBeGreaterThan(20);
      for (const r of s.evidence) expect(refs.has(r), r).toBe(true);
      for (const h of s.hypotheses) expect(g.key.hypotheses.map((x) => x.id)).toContain(h);
      if (!s.inferred) expect(s.evidence.length, s.id).toBeGreaterThan(0);
    }
  });
});
