import { describe, expect, it } from "vitest";
import { parseAsOf } from "./parse-as-of";

describe("parseAsOf", () => {
  it.each([
    [undefined, { asOf: null }],
    ["", { asOf: null }],
    ["2023-10-01", { asOf: new Date("2023-10-01T23:59:59.999Z") }],
    ["2024-03-12T08:00:00Z", { asOf: new Date("2024-03-12T08:00:00Z") }],
    ["2024-03-12T10:00:00+02:00", { asOf: new Date("2024-03-12T08:00:00Z") }],
  ])("%j is a moment", (raw, expected) => {
    expect(parseAsOf(raw)).toEqual(expected);
  });

  it.each([["yesterday"], ["2023-02-30"], ["2023-13-01"], ["2024-03-12T08:00:00"], ["1 May 2023"]])("%j is an error, not now", (raw) => {
    expect(parseAsOf(raw)).toHaveProperty("error");
  });
});
