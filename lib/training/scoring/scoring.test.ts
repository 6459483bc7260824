import { describe, expect, it } from "vitest";
import { scoreChainOrder } from "./chain-order";
import { normalizeAnswer, scoreExactAnswer } from "./exact-answer";
import { scoreGaps } from "./gaps";
import { scoreStageTags } from "./stage-tags";
import { scoreWindow } from "./time-window";
import { totalScore } from "./total";

describe("stage tags", () => {
  const key = [
    { event: "a.jsonl:1", stage: "token-forgery" },
    { event: "a.jsonl:2", stage: "mailbox-access" },
    { event: "b.xml:7", stage: "key-exposure" },
    { event: "b.xml:9", stage: "key-exposure" },
  ];

  it("scores precision, recall and their F1 as points, and lists each mistake", () => {
    const given = [
      { event: "a.jsonl:1", stage: "token-forgery" }, // right
      { event: "a.jsonl:2", stage: "token-forgery" }, // wrong stage
      { event: "b.xml:7", stage: "key-exposure" }, // right
      { event: "c.csv:3", stage: "detection" }, // not in the key
    ];
    const s = scoreStageTags(key, given, 30);
    expect(s.precision).toBe(2 / 4);
    expect(s.recall).toBe(2 / 4);
    expect(s.f1).toBe(0.5);
    expect(s.points).toBe(15);
    expect(s.mistakes).toEqual([
      { kind: "wrong-stage", event: "a.jsonl:2", given: "token-forgery", expected: "mailbox-access" },
      { kind: "wrong-stage", event: "c.csv:3", given: "detection", expected: null },
      { kind: "missed", event: "b.xml:9", expected: "key-exposure" },
    ]);
  });

  it("gives nothing for no tags, and full points for the key itself", () => {
    expect(scoreStageTags(key, [], 30).points).toBe(0);
    expect(scoreStageTags(key, key, 30)).toMatchObject({ precision: 1, recall: 1, points: 30, mistakes: [] });
  });
});

describe("chain order", () => {
  const key = ["exposure", "transfer", "acquisition", "forgery", "access"];

  it("is Kendall's tau over the steps both name, times the share of the key placed", () => {
    expect(scoreChainOrder(key, key, 20)).toMatchObject({ tau: 1, coverage: 1, points: 20, misplaced: [] });
    // One adjacent swap among five: 9 pairs agree, 1 does not → tau 0.8.
    const swapped = scoreChainOrder(key, ["exposure", "acquisition", "transfer", "forgery", "access"], 20);
    expect(swapped.tau).toBeCloseTo(0.8, 10);
    expect(swapped.points).toBe(16);
    expect(swapped.misplaced.sort()).toEqual(["acquisition", "transfer"]);
    // Four of five placed, in order: tau 1, coverage 0.8.
    expect(scoreChainOrder(key, ["exposure", "transfer", "forgery", "access"], 20)).toMatchObject({ tau: 1, coverage: 0.8, points: 16 });
  });

  it("scores a reversed chain zero, not below", () => {
    const reversed = scoreChainOrder(key, [...key].reverse(), 20);
    expect(reversed.tau).toBe(-1);
    expect(reversed.points).toBe(0);
  });
});

describe("time window", () => {
  const day = 86_400_000;
  const key = { start: Date.UTC(2021, 3, 20), end: Date.UTC(2021, 3, 20) + 10 * day };

  it("is the intersection over the union of the two windows", () => {
    expect(scoreWindow(key, key, 10)).toEqual({ overlap: 1, points: 10 });
    // Half of the key, nothing outside it: 5 / 10.
    expect(scoreWindow(key, { start: key.start, end: key.start + 5 * day }, 10)).toEqual({ overlap: 0.5, points: 5 });
    // The whole key inside a window four times its size: 10 / 40.
    expect(scoreWindow(key, { start: key.start - 15 * day, end: key.end + 15 * day }, 10)).toEqual({ overlap: 0.25, points: 2.5 });
    expect(scoreWindow(key, { start: key.end + day, end: key.end + 2 * day }, 10).points).toBe(0);
  });

  it("widens an instant by the tolerance, and refuses a window that ends before it starts", () => {
    const instant = { start: key.start, end: key.start };
    expect(scoreWindow(instant, { start: key.start - 3_600_000, end: key.start + 3_600_000 }, 10, 3_600_000).overlap).toBe(1);
    expect(scoreWindow(key, { start: key.end, end: key.start }, 10).points).toBe(0);
  });
});

describe("evidence gaps", () => {
  const key = [
    { id: "G1", start: 0, end: 100 },
    { id: "G2", start: 200, end: 300 },
  ];

  it("scores both gaps found exactly as full marks, whatever the order given", () => {
    expect(scoreGaps(key, [key[1] as (typeof key)[1], key[0] as (typeof key)[0]], 10)).toEqual({
      matched: [
        { key: "G1", overlap: 1 },
        { key: "G2", overlap: 1 },
      ],
      extra: 0,
      points: 10,
    });
  });

  it("gives half an overlap for half a gap, and divides by the larger count when windows are extra", () => {
    // G1 half covered (0..50 of 0..100: 0.5), G2 missed; one window that is no gap.
    const r = scoreGaps(
      key,
      [
        { start: 0, end: 50 },
        { start: 1000, end: 1100 },
        { start: 2000, end: 2100 },
      ],
      10,
    );
    expect(r.matched).toEqual([
      { key: "G1", overlap: 0.5 },
      { key: "G2", overlap: 0 },
    ]);
    expect(r.extra).toBe(2);
    expect(r.points).toBe(1.7); // 0.5 / 3 × 10
  });

  it("uses a window for one gap only", () => {
    const wide = { start: 0, end: 300 };
    const r = scoreGaps(key, [wide], 10);
    expect(r.matched.map((m) => m.overlap)).toEqual([1 / 3, 0]);
    expect(r.points).toBe(1.7); // (1/3) / 2 × 10
  });
});

describe("exact answers", () => {
  it("compares without regard to case, space or an IPv6 address's spelling", () => {
    expect(normalizeAnswer("  1LTMzakihiRla_8z2BEJVXeWMqo ")).toBe("1ltmzakihirla_8z2bejvxewmqo");
    expect(normalizeAnswer("2001:DB8::0001")).toBe(normalizeAnswer("2001:db8:0:0:0:0:0:1"));
  });

  it("scores the worth less a penalty per wrong try before the right one, never below zero, nothing without one", () => {
    expect(scoreExactAnswer(["195.26.87.219"], ["195.26.87.219"], 10, 3)).toEqual({ correct: true, wrongTries: 0, points: 10 });
    expect(scoreExactAnswer(["195.26.87.219"], ["185.38.142.229", "195.26.87.219"], 10, 3)).toEqual({
      correct: true,
      wrongTries: 1,
      points: 7,
    });
    expect(scoreExactAnswer(["x"], ["a", "b", "c", "d", "x"], 10, 3).points).toBe(0);
    expect(scoreExactAnswer(["x"], ["a", "b"], 10, 3)).toEqual({ correct: false, wrongTries: 2, points: 0 });
  });
});

describe("the total", () => {
  it("takes hints off each task (not below zero) and gives nothing for a late answer", () => {
    const t = totalScore(
      [
        { task: "tags", worth: 30, earned: 15, hintsUsed: 1, hintCost: 2, answeredAt: 1_000 },
        { task: "order", worth: 20, earned: 16, hintsUsed: 0, hintCost: 2, answeredAt: 2_000 },
        { task: "key id", worth: 10, earned: 10, hintsUsed: 0, hintCost: 5, answeredAt: 9_000 },
        { task: "address", worth: 10, earned: 4, hintsUsed: 3, hintCost: 2, answeredAt: 3_000 },
      ],
      5_000,
    );
    expect(t.tasks.map((x) => x.points)).toEqual([13, 16, 0, 0]);
    expect(t.tasks[2]?.late).toBe(true);
    expect(t).toMatchObject({ points: 29, worth: 70 });
  });
});
