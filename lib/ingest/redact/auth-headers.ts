import { Buffer } from "node:buffer";
import { hashHint } from "./hint";
import { isUnsigned, parseJwt, redactSignedJwt } from "./jwt";
import { marker, REDACTED_PREFIX, type RedactionFinding } from "./types";

/**
 * HTTP credentials after their scheme word: `Bearer <token>` and `Basic <base64 user:pass>`.
 * The scheme stays, so the log still says how the caller authenticated.
 */

// Both start only at a word boundary, so long runs of letters cannot make the scan quadratic.
const BEARER = /(?<![A-Za-z0-9_-])(bearer[ \t]+)([A-Za-z0-9\-._~+/]+=*)/gi;
const BASIC = /(?<![A-Za-z0-9_-])(basic[ \t]+)([A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])/gi;

/**
 * "Bearer" is also an English word ("bearer authentication"), so an opaque value must look
 * generated: at least 16 characters with a digit, or 32 and more of any kind. A random 32-byte
 * token almost never lacks a digit; prose almost never has one.
 */
export function looksLikeOpaqueToken(value: string): boolean {
  return value.length >= 32 || (value.length >= 16 && /[0-9]/.test(value));
}

export function redactBearer(text: string, field: string, findings: RedactionFinding[]): string {
  const before = findings.length;
  const out = text.replace(BEARER, (match: string, scheme: string, token: string, offset: number) => {
    // Already handled (a second pass, or the JWT rule left its marker right after the token).
    if (text.startsWith(REDACTED_PREFIX, offset + match.length)) return match;
    const jwt = token.startsWith("eyJ") ? parseJwt(token) : null;
    if (jwt) {
      if (isUnsigned(jwt)) return match;
      const redacted = redactSignedJwt(jwt);
      findings.push({ field, kind: "jwt", hint: redacted.hint });
      return scheme + redacted.text;
    }
    if (!looksLikeOpaqueToken(token)) return match;
    findings.push({ field, kind: "bearer-token", hint: hashHint(token) });
    return scheme + marker("bearer-token");
  });
  return findings.length === before ? text : out;
}

// Basic credentials decode to printable "user:password"; English after "basic" does not.
function isBasicCredential(base64: string): boolean {
  const decoded = Buffer.from(base64, "base64").toString("utf8");
  if (decoded.length < 3 || !decoded.includes(":")) return false;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0xfffd) return false;
  }
  return true;
}

export function redactBasic(text: string, field: string, findings: RedactionFinding[]): string {
  const before = findings.length;
  const out = text.replace(BASIC, (match: string, scheme: string, value: string) => {
    if (!isBasicCredential(value)) return match;
    findings.push({ field, kind: "basic-auth", hint: hashHint(value) });
    return scheme + marker("basic-auth");
  });
  return findings.length === before ? text : out;
}
