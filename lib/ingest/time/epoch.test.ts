import { describe, expect, it } from "vitest";
import { epochUnitByMagnitude } from "./epoch";
import { parseError, parseOk, utcUs } from "./test-helpers";

const MAY_15 = utcUs(2023, 5, 15, 3, 12, 44);

describe("epoch unit by magnitude", () => {
  it.each([
    ["0", "s"],
    ["99999999999", "s"], // < 1e11
    ["100000000000", "ms"], // 1e11
    ["99999999999999", "ms"], // < 1e14
    ["100000000000000", "us"], // 1e14
    ["99999999999999999", "us"], // < 1e17
    ["100000000000000000", "ns"], // 1e17
  ])("%s is %s", (digits, unit) => {
    expect(epochUnitByMagnitude(digits)).toBe(unit);
  });

  it("ignores leading zeros when judging magnitude", () => {
    expect(parseOk("0001684120364").epochUs).toBe(MAY_15);
  });

  it("puts the boundary values in the right unit", () => {
    expect(parseOk("100000000000").epochUs).toBe(100_000_000_000_000); // 1e11 ms = 1973-03-03
    expect(parseOk("100000000000000").epochUs).toBe(100_000_000_000_000); // 1e14 µs, the same instant
    expect(parseOk("100000000000000000").epochUs).toBe(100_000_000_000_000); // 1e17 ns, again
  });
});

describe("explicit epoch formats", () => {
  it.each([
    ["epoch-s", "1684120364", MAY_15],
    ["epoch-s", "1684120364.000001", MAY_15 + 1],
    ["epoch-s", "1684120364.0000019", MAY_15 + 1],
    ["epoch-ms", "1684120364123", MAY_15 + 123_000],
    ["epoch-ms", "1684120364123.456", MAY_15 + 123_456],
    ["epoch-us", "1684120364123456", MAY_15 + 123_456],
    ["epoch-us", "1684120364123456.9", MAY_15 + 123_456],
    ["epoch-ns", "1684120364123456789", MAY_15 + 123_456],
    ["epoch-ns", "1684120364123456999", MAY_15 + 123_456],
    ["epoch-ms", "0", 0],
    // Magnitude would call this milliseconds; the explicit unit wins.
    ["epoch-s", "1684120364", MAY_15],
    ["epoch", "1684120364123", MAY_15 + 123_000],
  ])("%s reads %s", (format, text, expected) => {
    expect(parseOk(text, { format })).toEqual({ epochUs: expected, assumedZone: null, yearSource: null });
  });

  it("keeps 16-digit microsecond values exact", () => {
    expect(parseOk("1327218753000000", { format: "epoch-us" }).epochUs).toBe(1_327_218_753_000_000);
    expect(parseOk("7258118399999999", { format: "epoch-us" }).epochUs).toBe(7_258_118_399_999_999); // 2199-12-31T23:59:59.999999Z
  });

  it("rejects instants past 2199 and non-numbers", () => {
    expect(parseError("7258118400", { format: "epoch-s" })).toBe("year 2200 outside 1900–2199");
    expect(parseError("1684120364123", { format: "epoch-s" })).toBe("year 55337 outside 1900–2199");
    expect(parseError("1e9", { format: "epoch" })).toBe('does not match format "epoch"');
    expect(parseError("2023-05-15", { format: "epoch-ms" })).toBe('does not match format "epoch-ms"');
  });
});
