import { describe, expect, it } from "vitest";
import { createTimestampParser, isTimeError, type TimeOptions } from "./parse-timestamp";
import { parseError, parseOk, utcUs } from "./test-helpers";

/** Parses lines in order with one parser, as an importer reads a file. */
function parseLines(lines: string[], options: TimeOptions): number[] {
  const parse = createTimestampParser(options);
  return lines.map((line) => {
    const result = parse(line);
    if (isTimeError(result)) return expect.fail(`"${line}": ${result.error}`);
    expect(result.yearSource).toBe(options.year === undefined ? "inferred" : "given");
    return result.epochUs;
  });
}

const REF_2024_01_05 = new Date(Date.UTC(2024, 0, 5, 12));

describe("syslog (RFC 3164) timestamps", () => {
  it("reads single- and double-digit days, and fractions", () => {
    const options = { year: 2023 };
    expect(parseOk("Jan 22 07:52:33", options)).toEqual({
      epochUs: utcUs(2023, 1, 22, 7, 52, 33),
      assumedZone: "UTC",
      yearSource: "given",
    });
    expect(parseOk("Jan  2 07:52:33", options).epochUs).toBe(utcUs(2023, 1, 2, 7, 52, 33));
    expect(parseOk("Jan 2 07:52:33", options).epochUs).toBe(utcUs(2023, 1, 2, 7, 52, 33));
    expect(parseOk("Jan 22 07:52:33.123456", options).epochUs).toBe(utcUs(2023, 1, 22, 7, 52, 33, 123_456));
    expect(parseOk("sep 22 07:52:33", options).epochUs).toBe(utcUs(2023, 9, 22, 7, 52, 33));
    expect(parseOk("Jan 22 07:52:33", { format: "syslog", year: 2023 }).epochUs).toBe(utcUs(2023, 1, 22, 7, 52, 33));
  });

  it("reads the wall time in the configured zone", () => {
    expect(parseOk("Jul 4 12:00:00", { year: 2023, zone: "America/New_York" })).toEqual({
      epochUs: utcUs(2023, 7, 4, 16),
      assumedZone: "America/New_York",
      yearSource: "given",
    });
  });

  it("uses a year written in the text and then reports no year source", () => {
    expect(parseOk("Jan 22 2021 07:52:33", { year: 2023 })).toEqual({
      epochUs: utcUs(2021, 1, 22, 7, 52, 33),
      assumedZone: "UTC",
      yearSource: null,
    });
  });
});

describe("year inference", () => {
  it("puts the first line at or before the reference date", () => {
    expect(parseLines(["Dec 30 10:00:00"], { referenceDate: REF_2024_01_05 })).toEqual([utcUs(2023, 12, 30, 10)]);
    expect(parseLines(["Jan 5 11:00:00"], { referenceDate: REF_2024_01_05 })).toEqual([utcUs(2024, 1, 5, 11)]);
    expect(parseLines(["Jan 5 13:00:00"], { referenceDate: REF_2024_01_05 })).toEqual([utcUs(2023, 1, 5, 13)]);
  });

  it("judges 'at or before' in the zone the line is read in", () => {
    // 2024-01-05 20:00 in Tokyo is 11:00Z, before the 12:00Z reference; 22:00 Tokyo is 13:00Z, after it.
    expect(parseLines(["Jan 5 20:00:00"], { referenceDate: REF_2024_01_05, zone: "Asia/Tokyo" })).toEqual([utcUs(2024, 1, 5, 11)]);
    expect(parseLines(["Jan 5 22:00:00"], { referenceDate: REF_2024_01_05, zone: "Asia/Tokyo" })).toEqual([utcUs(2023, 1, 5, 13)]);
  });

  it("increments the year when the month goes back by more than six (Dec → Jan)", () => {
    const lines = ["Dec 30 10:00:00", "Dec 31 23:59:59", "Jan  1 00:00:01", "Jan  4 09:00:00"];
    expect(parseLines(lines, { referenceDate: REF_2024_01_05 })).toEqual([
      utcUs(2023, 12, 30, 10),
      utcUs(2023, 12, 31, 23, 59, 59),
      utcUs(2024, 1, 1, 0, 0, 1),
      utcUs(2024, 1, 4, 9),
    ]);
  });

  it("treats small steps back as disorder, not a new year", () => {
    const lines = ["Mar 10 10:00:00", "Feb 28 10:00:00", "Mar 11 10:00:00"];
    expect(parseLines(lines, { referenceDate: new Date(Date.UTC(2023, 5, 1)) })).toEqual([
      utcUs(2023, 3, 10, 10),
      utcUs(2023, 2, 28, 10),
      utcUs(2023, 3, 11, 10),
    ]);
  });

  it("rolls over more than once across a multi-year file", () => {
    const lines = ["Nov  1 00:00:00", "Feb  1 00:00:00", "Aug  1 00:00:00", "Jan  1 00:00:00"];
    expect(parseLines(lines, { referenceDate: new Date(Date.UTC(2021, 0, 1)) })).toEqual([
      utcUs(2020, 11, 1),
      utcUs(2021, 2, 1),
      utcUs(2021, 8, 1),
      utcUs(2022, 1, 1),
    ]);
  });

  it("finds a leap year for a first-line Feb 29", () => {
    expect(parseLines(["Feb 29 12:00:00"], { referenceDate: new Date(Date.UTC(2023, 5, 1)) })).toEqual([utcUs(2020, 2, 29, 12)]);
  });

  it("uses the given year for every line and never rolls it over", () => {
    expect(parseLines(["Dec 31 23:59:59", "Jan  1 00:00:01"], { year: 2023, referenceDate: REF_2024_01_05 })).toEqual([
      utcUs(2023, 12, 31, 23, 59, 59),
      utcUs(2023, 1, 1, 0, 0, 1),
    ]);
  });

  it("reports impossible dates and years outside the supported range", () => {
    expect(parseError("Feb 30 12:00:00", { referenceDate: REF_2024_01_05 })).toBe("day 30 out of range for February 2024");
    expect(parseError("Dec 30 12:00:00", { referenceDate: new Date(Date.UTC(1900, 0, 1)) })).toBe("year 1899 outside 1900–2199");
  });
});
