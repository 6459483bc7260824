import { randomInt } from "node:crypto";

/** A variant number: random, so neither trainees nor a later exercise can guess it; not one already `taken`. */
export function newVariant(taken: Set<number> = new Set()): number {
  for (;;) {
    const v = randomInt(1, 2 ** 31 - 1);
    if (!taken.has(v)) {
      taken.add(v);
      return v;
    }
  }
}
