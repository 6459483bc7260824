import { describe, expect, it } from "vitest";
import { createTimestampParser } from "./parse-timestamp";
import { parseError, parseOk, utcUs } from "./test-helpers";

const MAY_15 = utcUs(2023, 5, 15, 3, 12, 44);

describe("strftime formats", () => {
  it.each([
    ["%Y-%m-%d %H:%M:%S", "2023-05-15 03:12:44", MAY_15],
    ["%Y%m%d%H%M%S", "20230515031244", MAY_15],
    ["%d/%m/%Y %T", "15/05/2023 03:12:44", MAY_15],
    ["%m/%d/%y %I:%M:%S %p", "05/15/23 03:12:44 AM", MAY_15],
    ["%m/%d/%y %I:%M:%S %p", "05/15/23 03:12:44 pm", MAY_15 + 12 * 3_600_000_000],
    ["%d %b %Y %H:%M:%S", "15 May 2023 03:12:44", MAY_15],
    ["%B %d, %Y %H:%M", "May 15, 2023 03:12", utcUs(2023, 5, 15, 3, 12)],
    ["%a %b %e %T %Y", "Mon May  5 03:12:44 2023", utcUs(2023, 5, 5, 3, 12, 44)],
    ["%Y-%m-%dT%H:%M:%S.%f", "2023-05-15T03:12:44.123", MAY_15 + 123_000],
    ["%Y-%m-%dT%H:%M:%S.%f", "2023-05-15T03:12:44.123456789", MAY_15 + 123_456],
    ["%Y-%j %H:%M:%S", "2023-135 03:12:44", MAY_15],
    ["%Y-%j", "2024-366", utcUs(2024, 12, 31)],
    ["%Y-%m-%d %H:%M:%S %%", "2023-05-15 03:12:44 %", MAY_15],
    ["[%Y-%m-%d %H:%M:%S]", "[2023-05-15 03:12:44]", MAY_15],
    ["%Y-%m-%d   %H:%M:%S", "2023-05-15 03:12:44", MAY_15],
    ["%y-%m-%d", "69-01-01", utcUs(1969, 1, 1)],
    ["%y-%m-%d", "68-01-01", utcUs(2068, 1, 1)],
  ])("%s reads %s", (format, text, expected) => {
    expect(parseOk(text, { format })).toEqual({ epochUs: expected, assumedZone: "UTC", yearSource: null });
  });

  it.each([
    ["%Y-%m-%d %H:%M:%S %z", "2023-05-15 05:12:44 +0200"],
    ["%Y-%m-%d %H:%M:%S %z", "2023-05-15 05:12:44 +02:00"],
    ["%Y-%m-%d %H:%M:%S%z", "2023-05-15 03:12:44Z"],
    ["%Y-%m-%d %H:%M:%S %Z", "2023-05-15 03:12:44 UTC"],
    ["%Y-%m-%d %H:%M:%S %Z", "2023-05-15 03:12:44 GMT"],
  ])("%s reads the zone in %s", (format, text) => {
    expect(parseOk(text, { format })).toEqual({ epochUs: MAY_15, assumedZone: null, yearSource: null });
  });

  it("infers or takes the year when the pattern has none", () => {
    const format = "%b %d %H:%M:%S";
    expect(parseOk("May 15 03:12:44", { format, year: 2023 }).yearSource).toBe("given");
    expect(parseOk("May 15 03:12:44", { format, referenceDate: new Date(Date.UTC(2024, 0, 1)) })).toEqual({
      epochUs: MAY_15,
      assumedZone: "UTC",
      yearSource: "inferred",
    });
  });

  it("reports values that match the pattern but are not a time", () => {
    expect(parseError("2023-05-15 03:12:44 EST", { format: "%Y-%m-%d %H:%M:%S %Z" })).toBe('zone "EST" not supported');
    expect(parseError("15 Mai 2023", { format: "%d %b %Y" })).toBe('unknown month "Mai"');
    expect(parseError("2023-366", { format: "%Y-%j" })).toBe("day-of-year 366 out of range for 2023");
    expect(parseError("2023-000", { format: "%Y-%j" })).toBe("day-of-year 0 out of range for 2023");
    expect(parseError("2023-05-15 13:00 PM", { format: "%Y-%m-%d %I:%M %p" })).toBe("hour 13 out of range for PM");
    expect(parseError("1850-05-15", { format: "%Y-%m-%d" })).toBe("year 1850 outside 1900–2199");
    expect(parseError("2023-05-15", { format: "%d.%m.%Y" })).toBe('does not match format "%d.%m.%Y"');
  });

  it("throws at creation for patterns it cannot honour", () => {
    expect(() => createTimestampParser({ format: "%Y-%m-%d %Q" })).toThrow('unsupported strftime directive "%Q"');
    expect(() => createTimestampParser({ format: "%Y-%m-%d %" })).toThrow("unsupported strftime directive");
    expect(() => createTimestampParser({ format: "%j %H:%M" })).toThrow("uses %j without %Y or %y");
  });
});
