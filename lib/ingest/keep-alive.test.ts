import { describe, expect, it } from "vitest";
import { whileBeating } from "./keep-alive";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("whileBeating", () => {
  it("beats while the work runs, one beat at a time, and never after it ends", async () => {
    let beats = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const beat = async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      beats += 1;
      await sleep(25); // slower than the interval: the next tick must not start a second beat
      inFlight -= 1;
    };
    const out = await whileBeating(10, beat, async () => {
      await sleep(200);
      return "done";
    });
    expect(out).toBe("done");
    expect(beats).toBeGreaterThanOrEqual(3);
    expect(maxInFlight).toBe(1);
    const after = beats;
    await sleep(60);
    expect(beats).toBe(after);
  });

  it("passes the work's error on, and a failing beat does not stop the work", async () => {
    const failing = () => Promise.reject(new Error("db down"));
    await expect(whileBeating(5, failing, async () => sleep(30).then(() => 7))).resolves.toBe(7);
    await expect(
      whileBeating(
        5,
        async () => undefined,
        () => Promise.reject(new Error("boom")),
      ),
    ).rejects.toThrow("boom");
  });
});
