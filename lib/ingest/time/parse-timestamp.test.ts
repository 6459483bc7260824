import { describe, expect, it } from "vitest";
import { createTimestampParser, isTimeError } from "./parse-timestamp";
import { parseError, parseOk, utcUs } from "./test-helpers";

const MAY_15 = utcUs(2023, 5, 15, 3, 12, 44);

describe("auto: ISO 8601 / RFC 3339", () => {
  it.each([
    ["2023-05-15T03:12:44Z", MAY_15],
    ["2023-05-15 03:12:44Z", MAY_15],
    ["2023-05-15t03:12:44z", MAY_15],
    ["2023-05-15T05:12:44+02:00", MAY_15],
    ["2023-05-15T05:12:44+0200", MAY_15],
    ["2023-05-15T05:12:44+02", MAY_15],
    ["2023-05-14T22:42:44-04:30", MAY_15],
    ["2023-05-15 03:12:44 UTC", MAY_15],
    ["2023-05-15 03:12:44 GMT", MAY_15],
    ["2023-05-15T03:12:44.1Z", MAY_15 + 100_000],
    ["2023-05-15T03:12:44.123Z", MAY_15 + 123_000],
    ["2023-05-15T03:12:44.123456Z", MAY_15 + 123_456],
    ["2023-05-15T03:12:44,5Z", MAY_15 + 500_000],
    ["2023-05-15T03:12:44.123456789+00:00", MAY_15 + 123_456],
    ["2023-05-15T03:12Z", utcUs(2023, 5, 15, 3, 12)],
    ["  2023-05-15T03:12:44Z\n", MAY_15],
  ])("%s", (text, expected) => {
    expect(parseOk(text)).toEqual({ epochUs: expected, assumedZone: null, yearSource: null });
  });

  it("truncates digits beyond microseconds, never rounding up", () => {
    expect(parseOk("2021-04-28T14:08:21.1234567Z").epochUs).toBe(utcUs(2021, 4, 28, 14, 8, 21, 123_456));
    expect(parseOk("2021-04-28T14:08:21.4568061Z").epochUs).toBe(utcUs(2021, 4, 28, 14, 8, 21, 456_806));
    expect(parseOk("1999-12-31T23:59:59.9999999Z").epochUs).toBe(utcUs(1999, 12, 31, 23, 59, 59, 999_999));
  });

  it("reads text without a zone in the configured zone and says it assumed it", () => {
    expect(parseOk("2020-10-18 07:50:06.220")).toEqual({
      epochUs: utcUs(2020, 10, 18, 7, 50, 6, 220_000),
      assumedZone: "UTC",
      yearSource: null,
    });
    expect(parseOk("2023-05-15")).toEqual({ epochUs: utcUs(2023, 5, 15), assumedZone: "UTC", yearSource: null });
    expect(parseOk("2023-05-15", { zone: "Europe/Berlin" })).toEqual({
      epochUs: utcUs(2023, 5, 14, 22),
      assumedZone: "Europe/Berlin",
      yearSource: null,
    });
    expect(parseOk("2023/05/15 03:12:44").epochUs).toBe(MAY_15);
  });

  it("ignores the configured zone when the text has its own", () => {
    expect(parseOk("2023-05-15T03:12:44Z", { zone: "Asia/Tokyo" }).assumedZone).toBeNull();
    expect(parseOk("2023-05-15T03:12:44Z", { zone: "Asia/Tokyo" }).epochUs).toBe(MAY_15);
  });
});

describe("auto: RFC 2822, HTTP, asctime and access-log dates", () => {
  it.each([
    ["Mon, 15 May 2023 03:12:44 GMT", MAY_15, null],
    ["Mon, 15 May 2023 03:12:44 +0000", MAY_15, null],
    ["15 May 2023 05:12:44 +0200", MAY_15, null],
    ["Sun, 14 May 2023 23:12:44 EDT", MAY_15, null],
    ["Mon, 15-May-2023 03:12:44 GMT", MAY_15, null],
    ["Mon, 15 May 2023 03:12:44", MAY_15, "UTC"],
    ["Mon May 15 03:12:44 2023", MAY_15, "UTC"],
    ["Mon May 15 03:12:44 UTC 2023", MAY_15, null],
    ["15/May/2023:05:12:44 +0200", MAY_15, null],
  ])("%s", (text, expected, assumedZone) => {
    expect(parseOk(text)).toEqual({ epochUs: expected, assumedZone, yearSource: null });
  });

  it("refuses zone abbreviations that mean different offsets in different places", () => {
    expect(parseError("Mon, 15 May 2023 03:12:44 CEST")).toBe('zone "CEST" not supported');
    expect(parseError("Mon May 15 03:12:44 IST 2023")).toBe('zone "IST" not supported');
  });
});

describe("auto: US and EU numeric dates", () => {
  it("reads the Windows export form with a comma and AM/PM", () => {
    expect(parseOk("4/28/2021, 2:54:37.000 PM", { zone: "UTC" })).toEqual({
      epochUs: utcUs(2021, 4, 28, 14, 54, 37),
      assumedZone: "UTC",
      yearSource: null,
    });
  });

  it.each([
    ["05/15/2023 03:12:44", MAY_15],
    ["5/15/2023 3:12 AM", utcUs(2023, 5, 15, 3, 12)],
    ["5/15/2023 12:00 AM", utcUs(2023, 5, 15, 0, 0)],
    ["5/15/2023 12:00 PM", utcUs(2023, 5, 15, 12, 0)],
    ["5/15/2023 11:59:59 p.m.", utcUs(2023, 5, 15, 23, 59, 59)],
    ["5/15/2023", utcUs(2023, 5, 15)],
    ["4/5/2021", utcUs(2021, 4, 5)],
    ["13/5/2021 10:00:00", utcUs(2021, 5, 13, 10)],
    ["15.05.2023 03:12:44", MAY_15],
    ["15.05.2023 03:12:44.250", MAY_15 + 250_000],
    ["1.2.2023", utcUs(2023, 2, 1)],
  ])("%s", (text, expected) => {
    expect(parseOk(text).epochUs).toBe(expected);
  });

  it("lets explicit us/eu settle day-month order", () => {
    expect(parseOk("4/5/2021", { format: "us" }).epochUs).toBe(utcUs(2021, 4, 5));
    expect(parseOk("4/5/2021", { format: "eu" }).epochUs).toBe(utcUs(2021, 5, 4));
    expect(parseOk("04.05.2021 10:00", { format: "eu" }).epochUs).toBe(utcUs(2021, 5, 4, 10));
    expect(parseError("13/5/2021", { format: "us" })).toBe("month 13 out of range");
    expect(parseError("13/13/2021")).toBe("month 13 out of range");
  });

  it("rejects a 12-hour clock reading past 12", () => {
    expect(parseError("5/15/2023 13:12 PM")).toBe("hour 13 out of range for PM");
  });
});

describe("auto: epoch numbers", () => {
  it.each([
    ["1684120364", MAY_15],
    ["1684120364.123456", MAY_15 + 123_456],
    ["1684120364.5", MAY_15 + 500_000],
    ["1684120364123", MAY_15 + 123_000],
    ["1684120364123456", MAY_15 + 123_456],
    ["1684120364123456789", MAY_15 + 123_456],
    ["1327218753000000", 1_327_218_753_000_000],
    ["/Date(1684120364123)/", MAY_15 + 123_000],
    ["/Date(1684120364123+0200)/", MAY_15 + 123_000],
  ])("%s", (text, expected) => {
    expect(parseOk(text)).toEqual({ epochUs: expected, assumedZone: null, yearSource: null });
  });
});

describe("errors", () => {
  it.each([
    ["1601-01-01T00:00:00Z", "year 1601 outside 1900–2199"],
    ["2200-01-01T00:00:00Z", "year 2200 outside 1900–2199"],
    ["2023-13-01", "month 13 out of range"],
    ["2023-00-10", "month 0 out of range"],
    ["2023-04-31", "day 31 out of range for April 2023"],
    ["2023-02-29", "day 29 out of range for February 2023"],
    ["2023-04-30 25:00:00", "hour 25 out of range"],
    ["2023-04-30 23:60:00", "minute 60 out of range"],
    ["2023-04-30T23:00:00+25:00", 'offset "+25:00" out of range'],
    ["99999999999", "year 5138 outside 1900–2199"],
    ["/Date(-5000000000000)/", "year 1811 outside 1900–2199"],
    ["garbage", "unrecognised timestamp"],
    ["2023-05-15T03:12:44Q", "unrecognised timestamp"],
    ["Foo 22 07:52:33", "unrecognised timestamp"],
    ["-1684120364", "unrecognised timestamp"],
    ["", "empty timestamp"],
    ["   ", "empty timestamp"],
    ["9".repeat(300), "timestamp text too long"],
  ])("%s → %s", (text, reason) => {
    expect(parseError(text)).toBe(reason);
  });

  it("accepts the leap day only in leap years", () => {
    expect(parseOk("2024-02-29").epochUs).toBe(utcUs(2024, 2, 29));
    expect(parseError("1900-02-29")).toBe("day 29 out of range for February 1900");
  });

  it("names the format when an explicit one does not match", () => {
    expect(parseError("05/15/2023", { format: "iso" })).toBe('does not match format "iso"');
  });

  it("throws on bad options rather than failing every line", () => {
    expect(() => createTimestampParser({ zone: "Mars/Olympus_Mons" })).toThrow('unknown time zone "Mars/Olympus_Mons"');
    expect(() => createTimestampParser({ format: "fancy" })).toThrow('unknown timestamp format "fancy"');
    expect(() => createTimestampParser({ year: 1601 })).toThrow("year option 1601 outside 1900–2199");
  });

  it("finishes quickly on inputs built to make regexes backtrack", () => {
    const parse = createTimestampParser();
    for (const text of [
      `${"1".repeat(250)}x`,
      `2023-05-15T03:12:44.${"1".repeat(200)}!`,
      `Jan ${" ".repeat(240)}1`,
      `1/1/2023 1:00${" ".repeat(200)}x`,
    ]) {
      expect(isTimeError(parse(text))).toBe(true);
    }
  });
});

describe("throughput sanity", () => {
  it("parses 200,000 ISO timestamps", () => {
    const parse = createTimestampParser({ zone: "America/New_York" });
    let last = 0;
    for (let i = 0; i < 200_000; i++) {
      const second = String(i % 60).padStart(2, "0");
      const result = parse(`2023-05-15T03:12:${second}.${String(i).padStart(6, "0")}`);
      if (isTimeError(result)) expect.fail(result.error);
      last = result.epochUs;
    }
    expect(last).toBe(utcUs(2023, 5, 15, 7, 12, 199_999 % 60, 199_999));
  });
});
