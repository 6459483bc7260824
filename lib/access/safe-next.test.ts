import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it.each([
    ["/incidents/abc/events?q=x", "/incidents/abc/events?q=x"],
    ["/invite/clinv_x", "/invite/clinv_x"],
    [undefined, "/incidents"],
    ["", "/incidents"],
    ["https://evil.example/", "/incidents"],
    ["//evil.example", "/incidents"],
    ["/\\evil.example", "/incidents"],
    ["/\tevil.example", "/incidents"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["javascript:alert(1)", "/incidents"],
  ])("%j → %s", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
