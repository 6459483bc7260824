import { createHash } from "node:crypto";

/**
 * The scenario's only source of randomness: a small seeded generator (sfc32, seeded through
 * splitmix32), so the same seed writes the same bytes on every machine and Node version.
 * Math.random and Date.now are never used.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  hex(digits: number): string;
  uuid(): string;
  /** base64url characters (the alphabet of kids and token identifiers). */
  b64url(chars: number): string;
};

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** 32-bit FNV-1a of a label, to derive independent streams from one seed. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator for `label` under `seed`: each file draws from its own stream. */
export function createRng(seed: number, label: string): Rng {
  const whole = Math.trunc(seed);
  const high = Math.floor(whole / 4294967296);
  const init = splitmix32(((whole >>> 0) ^ fnv1a(label) ^ Math.imul(high, 0x9e3779b1)) >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();

  const next = () => u32() / 4294967296;
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new RangeError("pick from an empty list");
    return item;
  };
  const hex = (digits: number) => {
    let out = "";
    while (out.length < digits) out += u32().toString(16).padStart(8, "0");
    return out.slice(0, digits);
  };
  return {
    next,
    int,
    between: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => next() < p,
    pick,
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new RangeError("weighted pick from an empty list");
      return last[0];
    },
    hex,
    uuid: () => formatUuid(hex(32)),
    b64url(chars) {
      let out = "";
      for (let i = 0; i < chars; i++) out += B64URL.charAt(u32() & 63);
      return out;
    },
  };
}

/** 32 hex digits as a version-4 style GUID. */
function formatUuid(h: string): string {
  const variant = "89ab".charAt(Number.parseInt(h.charAt(16), 16) & 3);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A fixed identifier for a story element, the same whatever the seed: the answer key's actors,
 * tenants and records keep their ids when only the background noise changes.
 */
export function stableUuid(label: string): string {
  return formatUuid(createHash("sha256").update(`storm-0558:${label}`).digest("hex"));
}

export function stableHex(label: string, digits: number): string {
  return createHash("sha256").update(`storm-0558:${label}`).digest("hex").slice(0, digits);
}

/** A fixed base64url token (uniqueTokenIdentifier and the like) for a story element. */
export function stableB64url(label: string, chars: number): string {
  return createHash("sha256").update(`storm-0558:${label}`).digest("base64url").slice(0, chars);
}
