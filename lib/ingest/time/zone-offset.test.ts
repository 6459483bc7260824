import { describe, expect, it } from "vitest";
import { parseOk, utcUs } from "./test-helpers";
import { createZoneResolver, zoneOffsetMs } from "./zone-offset";

const NY = { zone: "America/New_York" };
const HOUR_MS = 3_600_000;

// New York: EST is UTC−5, EDT is UTC−4. In 2023 clocks sprang forward at 02:00 EST on 12 March (07:00Z)
// and fell back at 02:00 EDT on 5 November (06:00Z).
describe("America/New_York across DST transitions", () => {
  it.each([
    ["2023-03-12 01:59:59", utcUs(2023, 3, 12, 6, 59, 59)], // last EST second
    ["2023-03-12 03:00:00", utcUs(2023, 3, 12, 7, 0, 0)], // first EDT second
    ["2023-03-12 12:00:00", utcUs(2023, 3, 12, 16)],
    ["2023-01-15 12:00:00", utcUs(2023, 1, 15, 17)],
    ["2023-07-04 12:00:00", utcUs(2023, 7, 4, 16)],
    ["2023-11-05 00:59:59", utcUs(2023, 11, 5, 4, 59, 59)],
    ["2023-11-05 02:00:00", utcUs(2023, 11, 5, 7)], // after the repeated hour: EST
    ["2023-11-05 12:00:00", utcUs(2023, 11, 5, 17)],
  ])("%s", (text, expected) => {
    expect(parseOk(text, NY)).toEqual({ epochUs: expected, assumedZone: "America/New_York", yearSource: null });
  });

  it("reads a wall time that occurs twice (fall-back) as the earlier instant, in EDT", () => {
    expect(parseOk("2023-11-05 01:00:00", NY).epochUs).toBe(utcUs(2023, 11, 5, 5, 0, 0));
    expect(parseOk("2023-11-05 01:30:00.5", NY).epochUs).toBe(utcUs(2023, 11, 5, 5, 30, 0, 500_000));
    expect(parseOk("2023-11-05 01:59:59", NY).epochUs).toBe(utcUs(2023, 11, 5, 5, 59, 59));
  });

  it("reads a wall time that never existed (spring-forward) with the offset in force before the gap", () => {
    // 02:30 EST would be 07:30Z, which the clocks showed as 03:30 EDT.
    expect(parseOk("2023-03-12 02:30:00", NY).epochUs).toBe(utcUs(2023, 3, 12, 7, 30));
    expect(parseOk("2023-03-12 02:00:00", NY).epochUs).toBe(utcUs(2023, 3, 12, 7, 0));
    expect(parseOk("2023-03-12 02:59:59", NY).epochUs).toBe(utcUs(2023, 3, 12, 7, 59, 59));
  });

  it("gives the same answers in any order, so the offset cache cannot leak between calls", () => {
    const texts = ["2023-11-05 01:30:00", "2023-03-12 02:30:00", "2023-11-05 02:30:00", "2023-03-12 01:30:00"];
    const forward = texts.map((t) => parseOk(t, NY).epochUs);
    const backward = [...texts].reverse().map((t) => parseOk(t, NY).epochUs);
    expect(backward.reverse()).toEqual(forward);
  });

  it("applies historic rules (before 2007, DST ended on the last Sunday of October)", () => {
    expect(parseOk("2006-10-29 01:30:00", NY).epochUs).toBe(utcUs(2006, 10, 29, 5, 30));
    expect(parseOk("2006-11-04 12:00:00", NY).epochUs).toBe(utcUs(2006, 11, 4, 17));
  });
});

describe("other zones", () => {
  it("handles half-hour offsets and southern-hemisphere DST", () => {
    expect(parseOk("2023-05-15 08:42:44", { zone: "Asia/Kolkata" }).epochUs).toBe(utcUs(2023, 5, 15, 3, 12, 44));
    // Sydney: AEDT (+11) until 2 April 2023 03:00, then AEST (+10).
    expect(parseOk("2023-01-15 12:00:00", { zone: "Australia/Sydney" }).epochUs).toBe(utcUs(2023, 1, 15, 1));
    expect(parseOk("2023-07-15 12:00:00", { zone: "Australia/Sydney" }).epochUs).toBe(utcUs(2023, 7, 15, 2));
    // 02:30 on 2 April happens twice; the earlier is still AEDT.
    expect(parseOk("2023-04-02 02:30:00", { zone: "Australia/Sydney" }).epochUs).toBe(utcUs(2023, 4, 1, 15, 30));
  });

  it("handles a zone whose DST shift is 30 minutes (Lord Howe: +10:30 / +11)", () => {
    expect(parseOk("2023-07-01 12:00:00", { zone: "Australia/Lord_Howe" }).epochUs).toBe(utcUs(2023, 7, 1, 1, 30));
    expect(parseOk("2023-01-01 12:00:00", { zone: "Australia/Lord_Howe" }).epochUs).toBe(utcUs(2023, 1, 1, 1));
  });

  it("treats UTC aliases as offset zero and still records the assumption", () => {
    expect(parseOk("2023-05-15 03:12:44", { zone: "Etc/UTC" })).toEqual({
      epochUs: utcUs(2023, 5, 15, 3, 12, 44),
      assumedZone: "Etc/UTC",
      yearSource: null,
    });
  });
});

describe("zoneOffsetMs / createZoneResolver", () => {
  it("reports the offset in force at an instant, including inside a transition hour", () => {
    const fallBack = Date.UTC(2023, 10, 5, 6);
    expect(zoneOffsetMs("America/New_York", fallBack - 1)).toBe(-4 * HOUR_MS);
    expect(zoneOffsetMs("America/New_York", fallBack)).toBe(-5 * HOUR_MS);
    expect(zoneOffsetMs("UTC", fallBack)).toBe(0);
    // Kathmandu switched from +05:30 to +05:45 at 1986-01-01 00:00 local, i.e. 1985-12-31T18:30Z: not on a UTC hour.
    const switchMs = Date.UTC(1985, 11, 31, 18, 30);
    expect(zoneOffsetMs("Asia/Kathmandu", switchMs - 1000)).toBe(5.5 * HOUR_MS);
    expect(zoneOffsetMs("Asia/Kathmandu", switchMs)).toBe(5.75 * HOUR_MS);
  });

  it("throws naming an unknown zone", () => {
    expect(() => createZoneResolver("Not/A_Zone")).toThrow('unknown time zone "Not/A_Zone"');
  });
});
