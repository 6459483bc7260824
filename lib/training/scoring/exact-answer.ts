import { round } from "./stage-tags";

export type ExactScore = { correct: boolean; wrongTries: number; points: number };

/** How answers compare: case, surrounding space and an IPv6 address's spelling do not matter. */
export function normalizeAnswer(raw: string): string {
  const s = raw.trim().toLowerCase();
  // An IPv6 address written with or without leading zeros or :: is one address.
  if (/^[0-9a-f:]+$/.test(s) && s.includes(":")) {
    const [head = "", tail = ""] = s.split("::");
    const parts = (x: string) => (x ? x.split(":").map((p) => p.replace(/^0+(?=.)/, "")) : []);
    const h = parts(head);
    const t = parts(tail);
    const fill = s.includes("::") ? Array(Math.max(0, 8 - h.length - t.length)).fill("0") : [];
    return [...h, ...fill, ...t].join(":");
  }
  return s;
}

/**
 * An exact question (which AppId read the mailboxes? which key id? which address?): tries in the
 * order given; the first right one scores the task's worth less `penalty` per wrong try before it
 * (never below zero); no right try scores nothing.
 */
export function scoreExactAnswer(accepted: readonly string[], tries: readonly string[], worth: number, penalty: number): ExactScore {
  const ok = new Set(accepted.map(normalizeAnswer));
  const first = tries.findIndex((t) => ok.has(normalizeAnswer(t)));
  if (first < 0) return { correct: false, wrongTries: tries.length, points: 0 };
  return { correct: true, wrongTries: first, points: round(Math.max(0, worth - first * penalty)) };
}
