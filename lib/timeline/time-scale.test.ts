import { describe, expect, it } from "vitest";
import { MAX_CELLS, pickBinMs } from "./bin-width";
import { formatTick, parseIsoMicros } from "./time-format";
import { BREAK_PX, compressedTimeScale, linearTimeScale, quietStretches } from "./time-scale";
import { clampWindow, MIN_SPAN_MS, zoomWindow } from "./view-window";

const DAY = 86_400_000;
const t = (iso: string) => Date.parse(iso);

describe("pickBinMs", () => {
  it("picks round bins of at least 2 px and at most MAX_CELLS lane-bins", () => {
    expect(pickBinMs(DAY, 1_000, 10)).toBe(5 * 60_000); // 500 bins of 5 min
    expect(pickBinMs(2.5 * 365 * DAY, 1_500, 10)).toBe(2 * DAY);
    expect(pickBinMs(10, 1_000, 1)).toBe(1);
    const span = 3 * 365 * DAY;
    const bin = pickBinMs(span, 4_000, 30);
    expect((span / bin) * 30).toBeLessThanOrEqual(MAX_CELLS);
  });
});

describe("time scales", () => {
  it("labels ticks for the scale, in UTC", () => {
    expect(formatTick(new Date("2021-01-01T00:00:00Z"))).toBe("2021");
    expect(formatTick(new Date("2021-04-01T00:00:00Z"))).toBe("Apr");
    expect(formatTick(new Date("2021-04-20T00:00:00Z"))).toBe("20 Apr");
    expect(formatTick(new Date("2021-04-20T07:00:00Z"))).toBe("07:00");
    expect(formatTick(new Date("2021-04-20T07:42:13Z"))).toBe(":13");
    expect(formatTick(new Date("2021-04-20T07:42:13.485Z"))).toBe(".485");
    expect(parseIsoMicros("2021-04-20T07:42:13.485321Z") - t("2021-04-20T07:42:13.485Z")).toBeCloseTo(0.321, 3);
  });

  it("maps and inverts linearly, with millisecond ticks in a millisecond window", () => {
    const s = linearTimeScale(t("2021-04-20T07:42:13.480Z"), t("2021-04-20T07:42:13.490Z"), 0, 1_000);
    expect(s.x(t("2021-04-20T07:42:13.485Z"))).toBeCloseTo(500);
    expect(s.invert(250) - t("2021-04-20T07:42:13.480Z")).toBeCloseTo(2.5);
    expect(s.ticks().map((k) => k.label)).toContain(".485");
  });

  it("folds long quiet stretches so activity years apart shares the width", () => {
    const from = t("2021-01-01T00:00:00Z");
    const to = t("2023-07-01T00:00:00Z");
    const activity = [t("2021-04-01T00:00:00Z"), t("2021-08-01T00:00:00Z"), t("2023-05-15T00:00:00Z"), t("2023-06-30T00:00:00Z")];
    expect(quietStretches(from, to, activity)).toHaveLength(3);
    const s = compressedTimeScale(from, to, 0, 1_000, activity);
    expect(s.breaks).toHaveLength(3);
    expect(s.breaks.every((b) => Math.abs(b.x1 - b.x0 - BREAK_PX) < 1e-9)).toBe(true);
    // Monotonic, covers the range, and inverts.
    const xs = activity.map((a) => s.x(a));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(s.x(from)).toBe(0);
    expect(s.x(to)).toBeCloseTo(1_000);
    for (const a of activity) expect(s.invert(s.x(a))).toBeCloseTo(a, -1);
    // The 2023 activity gets far more room than on a linear axis.
    const lin = linearTimeScale(from, to, 0, 1_000);
    expect(s.x(activity[3] as number) - s.x(activity[2] as number)).toBeGreaterThan(
      5 * (lin.x(activity[3] as number) - lin.x(activity[2] as number)),
    );
    // Nothing to fold: linear.
    expect(compressedTimeScale(from, to, 0, 1_000, []).breaks).toHaveLength(0);
  });
});

describe("view windows", () => {
  it("zooms around an anchor down to a few milliseconds and stays over the incident", () => {
    const w = zoomWindow({ from: 0, to: 1_000 }, 0.5, 1_000);
    expect(w).toEqual({ from: 500, to: 1_000 });
    expect(zoomWindow({ from: 0, to: 10 }, 0.001).to - zoomWindow({ from: 0, to: 10 }, 0.001).from).toBe(MIN_SPAN_MS);
    const far = clampWindow({ from: 10_000, to: 11_000 }, { from: 0, to: 5_000 });
    expect(far.from).toBeLessThan(5_000);
    expect(far.to - far.from).toBe(1_000);
  });
});
