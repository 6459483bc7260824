import { describe, expect, it } from "vitest";
import { createRng } from "./random";
import { apportion, at, backgroundTimes, iso, OFFICE_HOURS_US_WEST, systemTime, usClock } from "./time";

describe("time helpers", () => {
  it("formats the native clocks: ISO at 0/3/6 digits, Windows SystemTime, Purview's US form", () => {
    const t = at("2021-04-28T14:54:37.123Z") + 456;
    expect(iso(t, 0)).toBe("2021-04-28T14:54:37Z");
    expect(iso(t, 3)).toBe("2021-04-28T14:54:37.123Z");
    expect(iso(t, 6, false)).toBe("2021-04-28T14:54:37.123456");
    expect(systemTime(t, 7)).toBe("2021-04-28T14:54:37.1234567Z");
    expect(usClock(t)).toBe("4/28/2021 2:54:37 PM");
    expect(usClock(at("2021-01-05T00:03:09Z"))).toBe("1/5/2021 12:03:09 AM");
    expect(usClock(at("2021-12-31T12:00:00Z"))).toBe("12/31/2021 12:00:00 PM");
  });

  it("apportions a total exactly, in proportion", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    const parts = apportion(1_000_003, [14, 18, 5, 10, 10, 20, 20, 3]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000_003);
  });

  it("draws exactly `count` times inside the window, in order either way", () => {
    const start = at("2021-02-02T06:30:00Z");
    const end = at("2021-02-20T00:00:00Z");
    for (const descending of [false, true]) {
      const times = [...backgroundTimes(createRng(1, "t"), start, end, 5_000, OFFICE_HOURS_US_WEST, descending)];
      expect(times).toHaveLength(5_000);
      for (const t of times) expect(t >= start && t < end && Number.isInteger(t)).toBe(true);
      const sorted = [...times].sort((a, b) => (descending ? b - a : a - b));
      expect(times).toEqual(sorted);
    }
  });
});
