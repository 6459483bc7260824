import { createHash, randomBytes } from "node:crypto";

/** sha256 hex of a token: what the database keeps instead of the token itself. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new random token (256 bits, base64url) behind a kind prefix, with its hash and a display prefix. */
export function newSecretToken(kind: "clpat" | "clinv"): { token: string; hash: string; prefix: string } {
  const token = `${kind}_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, kind.length + 7) };
}
