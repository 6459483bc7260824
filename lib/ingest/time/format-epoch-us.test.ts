import { describe, expect, it } from "vitest";
import { createTimestampParser, formatEpochUs } from "./parse-timestamp";
import { utcUs } from "./test-helpers";

const MAY_15 = utcUs(2023, 5, 15, 3, 12, 44);

describe("formatEpochUs", () => {
  it.each([
    [MAY_15 + 123_456, "2023-05-15T03:12:44.123456Z"],
    [MAY_15, "2023-05-15T03:12:44.000000Z"],
    [MAY_15 + 7, "2023-05-15T03:12:44.000007Z"],
    [0, "1970-01-01T00:00:00.000000Z"],
    [-1, "1969-12-31T23:59:59.999999Z"],
    [utcUs(1900, 1, 1), "1900-01-01T00:00:00.000000Z"],
    [utcUs(2199, 12, 31, 23, 59, 59, 999_999), "2199-12-31T23:59:59.999999Z"],
  ])("%d → %s", (epochUs, text) => {
    expect(formatEpochUs(epochUs)).toBe(text);
  });

  it("round-trips through the parser", () => {
    const parse = createTimestampParser();
    for (const us of [MAY_15 + 1, utcUs(1900, 1, 1), utcUs(2199, 12, 31, 23, 59, 59, 999_999), utcUs(1969, 7, 20, 20, 17, 40, 42)]) {
      expect(parse(formatEpochUs(us))).toEqual({ epochUs: us, assumedZone: null, yearSource: null });
    }
  });
});
