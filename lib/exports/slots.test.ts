import { expect, it } from "vitest";
import { Slots } from "./slots";

it("runs at most its size at once, the rest in order, and frees a slot when work fails", async () => {
  const slots = new Slots(2);
  let now = 0;
  let most = 0;
  const order: number[] = [];
  const job = (i: number, fail = false) =>
    slots.run(async () => {
      now++;
      most = Math.max(most, now);
      order.push(i);
      await new Promise((r) => setTimeout(r, 5));
      now--;
      if (fail) throw new Error(`job ${i} failed`);
      return i;
    });
  const results = await Promise.allSettled([job(1), job(2, true), job(3), job(4), job(5)]);
  expect(most).toBe(2);
  expect(order).toEqual([1, 2, 3, 4, 5]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
  // Every slot came back: two more run side by side at once.
  most = 0;
  await Promise.all([job(6), job(7)]);
  expect(most).toBe(2);
});
