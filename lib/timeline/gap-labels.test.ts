import { describe, expect, it } from "vitest";
import { gapBandText } from "./gap-labels";

describe("gapBandText", () => {
  const source = { name: "debug-share-security.jsonl", firstEventAt: "2021-02-02T00:42:09Z" };

  it("calls a gap that ends by its source's first event the time before the source begins", () => {
    expect(gapBandText({ reason: "retention", endAt: "2021-02-02T00:00:00Z" }, source, true)).toEqual({
      text: "before debug-share-security.jsonl begins",
      isBeforeSource: true,
      tooltipPrefix: "Before debug-share-security.jsonl begins: ",
    });
    expect(gapBandText({ reason: "retention", endAt: "2021-02-02T00:00:00Z" }, source, false).text).toBe("before it begins");
  });

  it("names the source of a declared gap on the shared row, and only its reason on the source's own lane", () => {
    expect(gapBandText({ reason: "retention", endAt: "2023-07-09T18:31:30Z" }, source, true)).toEqual({
      text: "retention · debug-share-security.jsonl",
      isBeforeSource: false,
      tooltipPrefix: "",
    });
    expect(gapBandText({ reason: "outage", endAt: "2023-07-09T18:31:30Z" }, source, false).text).toBe("outage");
    expect(gapBandText({ reason: "not_collected", endAt: "2023-07-09T18:31:30Z" }, undefined, true).text).toBe("not collected");
  });
});
