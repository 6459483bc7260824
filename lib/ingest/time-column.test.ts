import { describe, expect, it } from "vitest";
import { previewWarning } from "./preview-file";
import { timeColumnByValues } from "./time-column";

describe("timeColumnByValues", () => {
  const rows = [
    {
      Id: "1234567890",
      Alert: "302-2022-02-18T17:34:57Z",
      "Event DateTime": "2022-02-18T17:34:57Z",
      "Alarm DateTime": "2022-02-18T17:39:28Z",
    },
    {
      Id: "1234567891",
      Alert: "301-2022-02-18T14:54:56Z",
      "Event DateTime": "2022-02-18T14:54:56Z",
      "Alarm DateTime": "2022-02-18T14:59:14Z",
    },
  ];

  it("prefers a column named for time, the leftmost such, when its values read as times", () => {
    expect(timeColumnByValues(Object.keys(rows[0] ?? {}), rows)).toBe("Event DateTime");
  });

  it("takes an unnamed column of dates, but never bare numbers there (an id reads as an epoch too)", () => {
    expect(timeColumnByValues(["Id", "Seen"], [{ Id: "1234567890", Seen: "15/05/2023 03:12:44" }])).toBe("Seen");
    expect(timeColumnByValues(["Id", "Count"], [{ Id: "1684120364", Count: "4" }])).toBeUndefined();
    expect(timeColumnByValues(["Id", "LoggedWhen"], [{ Id: "x", LoggedWhen: "1684120364" }])).toBe("LoggedWhen");
  });

  it("wants most values to read: a column of mostly text is no time column", () => {
    const mixed = [{ Note: "2023-05-15 03:12" }, { Note: "hello" }, { Note: "world" }];
    expect(timeColumnByValues(["Note"], mixed)).toBeUndefined();
  });
});

describe("previewWarning", () => {
  it("says nothing when most rows read, and names the commonest reason when most do not", () => {
    expect(previewWarning([{ line: 1 }, { line: 2, error: "x" }])).toBeUndefined();
    expect(
      previewWarning([
        { line: 1, error: "no time field" },
        { line: 2, error: "no time field" },
        { line: 3, error: "bad" },
      ]),
    ).toMatch(/^All sampled rows would be rejected: no time field\./);
    expect(previewWarning([])).toMatch(/No records/);
  });
});
