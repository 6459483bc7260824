import { createHash } from "node:crypto";

/** Shape details (alg, kid, PEM label, key prefix) are public facts about a secret, never the secret. */
export type HintShape = Record<string, string | undefined>;

// Shape values come from attacker-controlled input (a JWT header is whatever the sender wrote),
// so they are cut down to a short, single-token form before they reach the findings table.
function cleanShapeValue(value: string): string {
  return value.replace(/[^A-Za-z0-9._:/+=-]/g, "_").slice(0, 64);
}

/**
 * "sha256:3f9a" plus shape details. Four hex digits (16 bits) are enough to tell the secrets of one
 * import apart and to spot the same secret recurring, yet far too few to confirm a guess offline.
 */
export function hashHint(secret: string, shape?: HintShape): string {
  let hint = `sha256:${createHash("sha256").update(secret, "utf8").digest("hex").slice(0, 4)}`;
  if (shape) {
    for (const [name, value] of Object.entries(shape)) {
      if (value) hint += ` ${name}=${cleanShapeValue(value)}`;
    }
  }
  return hint;
}
