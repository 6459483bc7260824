import { createHash } from "node:crypto";
import { expect } from "vitest";
import { redactText } from "./text";
import type { RedactionFinding, RedactionKind } from "./types";

/**
 * Helpers for the redaction tests. Secrets are derived from seeds at run time, so the repository
 * holds no key material a secret scanner would (rightly) complain about.
 */

/** Deterministic pseudo-random bytes from a seed. */
export function fakeBytes(seed: string, length: number): Buffer {
  const chunks: Buffer[] = [];
  let block = createHash("sha256").update(seed).digest();
  while (chunks.length * 32 < length) {
    chunks.push(block);
    block = createHash("sha256").update(block).digest();
  }
  return Buffer.concat(chunks).subarray(0, length);
}

export const fakeBase64 = (seed: string, bytes: number) => fakeBytes(seed, bytes).toString("base64");
export const fakeBase64url = (seed: string, bytes: number) => fakeBytes(seed, bytes).toString("base64url");

export function b64url(value: unknown): string {
  return Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
}

export function makeJwt(header: Record<string, unknown>, payload: Record<string, unknown>, signature = fakeBase64url("sig", 256)) {
  return { token: `${b64url(header)}.${b64url(payload)}.${signature}`, header: b64url(header), payload: b64url(payload), signature };
}

export function redact(text: string, field = "message"): { out: string; findings: RedactionFinding[] } {
  const findings: RedactionFinding[] = [];
  return { out: redactText(text, field, findings), findings };
}

const HINT = /^sha256:[0-9a-f]{4}(?: [a-z]+=[A-Za-z0-9._:/+=-]{1,64})*$/;

/** Hints are short and one-way: never the secret, never more than four hex digits of its hash. */
export function expectSafeHints(findings: RedactionFinding[], secrets: string[]): void {
  for (const finding of findings) {
    expect(finding.hint).toMatch(HINT);
    for (const secret of secrets) {
      expect(finding.hint).not.toContain(secret);
      expect(finding.hint).not.toContain(createHash("sha256").update(secret).digest("hex").slice(0, 5));
    }
  }
}

/** Redacts `text` and checks: the secret is gone, exactly the expected findings, safe hints. */
export function expectRedacted(text: string, secret: string, kinds: RedactionKind | RedactionKind[], field = "message"): string {
  const { out, findings } = redact(text, field);
  expect(out).not.toContain(secret);
  expect(findings.map((f) => f.kind)).toEqual(Array.isArray(kinds) ? kinds : [kinds]);
  for (const finding of findings) expect(finding.field).toBe(field);
  expectSafeHints(findings, [secret]);
  return out;
}

/** Nothing to redact: the very same string comes back and no finding is added. */
export function expectUntouched(text: string): void {
  const { out, findings } = redact(text);
  expect(findings).toEqual([]);
  expect(out).toBe(text);
}
