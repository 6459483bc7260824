import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv-cell";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", `"'\rcmd"`],
    ["a,b", `"a,b"`],
    ['say "hi"', `"say ""hi"""`],
    ["two\nlines", `"two\nlines"`],
    [null, ""],
    [{ role: "viewer" }, `"{""role"":""viewer""}"`],
  ])("%j → %s", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("ends a line with CRLF", () => {
    expect(csvLine(["a", 1, "=b"])).toBe("a,1,'=b\r\n");
  });
});
