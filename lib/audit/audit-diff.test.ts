import { describe, expect, it } from "vitest";
import { auditDiff } from "./audit-diff";

describe("auditDiff", () => {
  it.each([
    [
      "a role change",
      { email: "a@x", role: "viewer" },
      { email: "a@x", role: "executive" },
      [{ field: "role", before: "viewer", after: "executive" }],
    ],
    [
      "a creation",
      null,
      { title: "T", status: "open" },
      [
        { field: "status", after: "open" },
        { field: "title", after: "T" },
      ],
    ],
    ["a removal", { email: "a@x" }, null, [{ field: "email", before: "a@x" }]],
    [
      "nested fields, by path",
      { opts: { tz: "UTC", n: 1 } },
      { opts: { tz: "Europe/Berlin", n: 1 } },
      [{ field: "opts.tz", before: "UTC", after: "Europe/Berlin" }],
    ],
    ["arrays compared whole", { keys: ["a", "b"] }, { keys: ["b", "a"] }, [{ field: "keys", before: ["a", "b"], after: ["b", "a"] }]],
    ["nothing changed", { a: 1 }, { a: 1 }, []],
    ["neither side", null, null, []],
  ])("%s", (_name, before, after, expected) => {
    expect(auditDiff(before, after)).toEqual(expected);
  });
});
