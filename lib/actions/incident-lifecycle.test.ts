import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { type Lifecycle, nextLifecycle, readInstant } from "./incident-lifecycle";

const now = new Date("2023-07-20T12:00:00Z");
const open: Lifecycle = { status: "open", containedAt: null, closedAt: null };
const field = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ZodError) return err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw err;
  }
  return "no error";
};

describe("nextLifecycle", () => {
  it("stamps containment now or when given, closing likewise, and closing alone implies containment by then", () => {
    expect(nextLifecycle(open, { status: "contained" }, now)).toEqual({ status: "contained", containedAt: now, closedAt: null });
    const at = new Date("2023-07-11T14:00:00Z");
    const contained = nextLifecycle(open, { status: "contained", containedAt: at }, now);
    expect(nextLifecycle(contained, { status: "closed" }, now)).toEqual({ status: "closed", containedAt: at, closedAt: now });
    expect(nextLifecycle(open, { status: "closed", closedAt: at }, now)).toEqual({ status: "closed", containedAt: at, closedAt: at });
  });

  it("reopening clears both dates; dates can be corrected only where the status has them", () => {
    const closed: Lifecycle = {
      status: "closed",
      containedAt: new Date("2023-07-11T00:00:00Z"),
      closedAt: new Date("2023-07-15T00:00:00Z"),
    };
    expect(nextLifecycle(closed, { status: "open" }, now)).toEqual(open);
    const earlier = new Date("2023-07-10T00:00:00Z");
    expect(nextLifecycle(closed, { containedAt: earlier }, now).containedAt).toEqual(earlier);
    expect(field(() => nextLifecycle(open, { containedAt: earlier }, now))).toBe(
      "status: an open incident has no containment or closing date",
    );
    expect(field(() => nextLifecycle(open, { status: "contained", closedAt: earlier }, now))).toBe(
      "closedAt: only a closed incident has a closing date",
    );
  });

  it("refuses a date ahead of now, and containment after closing", () => {
    expect(field(() => nextLifecycle(open, { status: "contained", containedAt: new Date("2023-07-21T00:00:00Z") }, now))).toBe(
      "containedAt: lies in the future",
    );
    const late = { status: "closed" as const, containedAt: new Date("2023-07-16T00:00:00Z"), closedAt: new Date("2023-07-15T00:00:00Z") };
    expect(field(() => nextLifecycle(open, late, now))).toBe("containedAt: containment cannot come after closing");
    const closed: Lifecycle = {
      status: "closed",
      containedAt: new Date("2023-07-11T00:00:00Z"),
      closedAt: new Date("2023-07-15T00:00:00Z"),
    };
    expect(field(() => nextLifecycle(closed, { containedAt: null }, now))).toMatch(
      /^containedAt: a closed incident was contained by its closing/,
    );
  });
});

describe("readInstant", () => {
  it("reads a wall time in the incident's zone, an ISO instant as given, and names what it cannot read", () => {
    expect(readInstant("closedAt", "2023-07-11T14:00", "Europe/Berlin").toISOString()).toBe("2023-07-11T12:00:00.000Z");
    expect(readInstant("closedAt", "2023-07-11T14:00:00-04:00", "Europe/Berlin").toISOString()).toBe("2023-07-11T18:00:00.000Z");
    expect(field(() => readInstant("closedAt", "2023-02-30T10:00", "UTC"))).toBe("closedAt: no such date: 2023-02-30T10:00");
    expect(field(() => readInstant("closedAt", "2023-07-11T10:60", "UTC"))).toBe("closedAt: no such date: 2023-07-11T10:60");
    expect(field(() => readInstant("containedAt", "last tuesday", "UTC"))).toMatch(/^containedAt: "last tuesday" is not a date and time/);
  });
});
