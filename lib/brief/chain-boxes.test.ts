import { describe, expect, it } from "vitest";
import { chainBoxes } from "./chain-boxes";

const step = (stageName: string, startAt: string, endAt: string, inferred = false, score = 90) => ({
  stageName,
  startAt,
  endAt,
  inferred,
  confidence: { label: score >= 90 ? "confirmed" : "possible", score },
});

describe("chainBoxes", () => {
  it("keeps a short chain as it is", () => {
    expect(chainBoxes([step("A", "2021-01-01", "2021-01-02")])).toHaveLength(1);
  });

  it("merges the evidenced neighbours closest in time until seven remain, never an inferred step", () => {
    const steps = [
      step("Exposure", "2021-04-20T07:42", "2021-04-20T07:42", true, 35),
      step("Transfer", "2021-04-20T08:19", "2021-04-20T08:19"),
      step("Detection failure", "2021-04-20T23:07", "2021-04-20T23:07"),
      step("Account", "2021-05-17", "2021-07-13"),
      step("Key theft", "2021-04-20", "2023-05-15", true, 35),
      step("Forgery", "2023-05-15T02:47", "2023-06-26"),
      step("Mailbox", "2023-05-15T02:47:28", "2023-06-26"),
      step("Detection", "2023-06-15", "2023-06-23"),
      step("Response", "2023-06-26", "2023-07-04"),
    ];
    const boxes = chainBoxes(steps);
    expect(boxes).toHaveLength(7);
    // Overlapping steps merge first (forgery, mailbox access and the detection that overlapped them).
    expect(boxes.map((b) => b.stages)).toEqual([
      ["Exposure"],
      ["Transfer"],
      ["Detection failure"],
      ["Account"],
      ["Key theft"],
      ["Forgery", "Mailbox", "Detection"],
      ["Response"],
    ]);
    expect(boxes[4]).toMatchObject({ inferred: true, confidence: { score: 35 } });
    expect(boxes[5]).toMatchObject({ start: "2023-05-15T02:47", end: "2023-06-26", inferred: false, confidence: { score: 90 } });
  });
});
