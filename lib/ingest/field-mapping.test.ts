import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getField, guessMapping, mapperFromMapping, parseMappingFlag } from "./field-mapping";

describe("field mapping", () => {
  it("parses --map pairs and refuses an unknown field by name", () => {
    expect(parseMappingFlag("time=When, actor=Who,message=What")).toEqual({ time: "When", actor: "Who", message: "What" });
    const err = (() => {
      try {
        parseMappingFlag("tiem=When");
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues[0]?.path).toEqual(["map"]);
  });

  it("guesses the usual column names, and an explicit choice wins", () => {
    const keys = ["TimeGenerated [UTC]", "UserPrincipalName", "UserId", "IPAddress", "OperationName", "ResultType"];
    expect(guessMapping(keys)).toMatchObject({
      time: "TimeGenerated [UTC]",
      actor: "UserPrincipalName",
      srcIp: "IPAddress",
      action: "OperationName",
      outcome: "ResultType",
    });
    expect(guessMapping(keys, { actor: "UserId" }).actor).toBe("UserId");
  });

  it("reads dotted paths, states UTC for [UTC] columns, and composes a message when there is none", () => {
    expect(getField({ a: { b: { c: 1 } } }, "a.b.c")).toBe(1);
    const map = mapperFromMapping({ time: "When [UTC]", action: "Op", actor: "Who", srcIp: "Ip" });
    expect(map({ "When [UTC]": "2023-05-15 03:12:44", Op: "MailItemsAccessed", Who: "alice", Ip: "203.0.113.7" })).toMatchObject({
      time: "2023-05-15 03:12:44",
      isZoneStated: true,
      message: "MailItemsAccessed by alice from 203.0.113.7",
    });
    expect(map({ Op: "x" })).toEqual({ error: 'no value in time field "When [UTC]"' });
  });
});
