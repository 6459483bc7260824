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

  it("writes what toISOString writes, with microseconds, in any order of instants (it keeps the last minute written)", () => {
    const reference = (us: number) => {
      const ms = Math.floor(us / 1000);
      return `${new Date(ms).toISOString().slice(0, -1)}${String(Math.floor(us - ms * 1000)).padStart(3, "0")}Z`;
    };
    let x = 7;
    const next = () => (x = (x * 48_271) % 2_147_483_647); // a fixed pseudo-random walk, so a failure repeats
    const instants = [MAY_15 - 1, MAY_15, MAY_15 + 59_999_999, MAY_15 + 60_000_000, MAY_15 - 60_000_000, -1, 0, -60_000_001];
    for (let i = 0; i < 2_000; i++) instants.push(MAY_15 + (next() % 200_000_000) - 100_000_000, utcUs(1900, 1, 1) + next() * 1_000_003);
    for (const us of instants) expect(formatEpochUs(us)).toBe(reference(us));
    expect(formatEpochUs(utcUs(10000, 1, 1) + 5_000_000)).toBe("+010000-01-01T00:00:05.000000Z");
    expect(() => formatEpochUs(Number.NaN)).toThrow(RangeError);
  });

  it("round-trips through the parser", () => {
    const parse = createTimestampParser();
    for (const us of [MAY_15 + 1, utcUs(1900, 1, 1), utcUs(2199, 12, 31, 23, 59, 59, 999_999), utcUs(1969, 7, 20, 20, 17, 40, 42)]) {
      expect(parse(formatEpochUs(us))).toEqual({ epochUs: us, assumedZone: null, yearSource: null });
    }
  });
});
