import { Buffer } from "node:buffer";
import { hashHint } from "./hint";
import { JWT_SIGNATURE_MARKER, marker, type RedactionFinding } from "./types";

/**
 * JWTs lose only their signature. Without it a token cannot be replayed, while its header and
 * claims (kid, iss, tid, aud, appid) are exactly what an investigation pivots on: the Storm-0558
 * intrusion was traced through a token's kid and issuer.
 */

export type JwtHeader = { alg: string; kid?: string; enc?: string };
export type ParsedJwt = { header: JwtHeader; segments: string[] };

// A header is base64url JSON starting with `{"`, hence "eyJ". The look-behind lets a match start
// only at the beginning of a base64url run, which keeps the scan linear on long runs of such
// characters; 2–4 further segments cover JWS (3 in all, maybe followed by a stray dot) and JWE (5).
const JWT_PATTERN = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){2,4}/g;
const WHOLE_JWT = /^eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){2,4}$/;

/** Real headers are tiny; refusing big ones bounds the decode work an attacker can cause. */
const MAX_HEADER_SEGMENT = 2048;

function decodeHeader(segment: string): JwtHeader | null {
  if (segment.length > MAX_HEADER_SEGMENT) return null;
  const text = Buffer.from(segment, "base64url").toString("utf8");
  // A failed JSON.parse throws, which is slow; hostile input can hold a hundred thousand
  // "eyJ…" look-alikes, so text that cannot be a JSON object is turned away first.
  if (!text.endsWith("}")) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const { alg, kid, enc } = json as Record<string, unknown>;
  if (typeof alg !== "string") return null;
  return {
    alg,
    ...(typeof kid === "string" ? { kid } : {}),
    ...(typeof enc === "string" ? { enc } : {}),
  };
}

/** A token shaped like a JWT whose header decodes to JSON with "alg"; null for anything else. */
export function parseJwt(token: string): ParsedJwt | null {
  if (!WHOLE_JWT.test(token)) return null;
  const segments = token.split(".");
  const header = decodeHeader(segments[0] ?? "");
  return header ? { header, segments } : null;
}

function isEncrypted(jwt: ParsedJwt): boolean {
  return jwt.segments.length === 5 && jwt.header.enc !== undefined;
}

/** alg "none" or an empty signature: nothing to replay, so nothing to redact. */
export function isUnsigned(jwt: ParsedJwt): boolean {
  if (isEncrypted(jwt)) return false;
  return jwt.header.alg.toLowerCase() === "none" || (jwt.segments[2] ?? "") === "";
}

/** True for a whole value that is an unsigned JWT, which key-name rules must leave alone too. */
export function isUnsignedJwt(value: string): boolean {
  const jwt = value.startsWith("eyJ") ? parseJwt(value) : null;
  return jwt !== null && isUnsigned(jwt);
}

/**
 * The redacted text of a signed token and its hint. A JWS keeps header and payload; a JWE's
 * payload is ciphertext a holder can present as-is, so everything after its header goes.
 */
export function redactSignedJwt(jwt: ParsedJwt): { text: string; hint: string } {
  const [header = "", payload = "", signature = "", ...rest] = jwt.segments;
  const { alg, kid, enc } = jwt.header;
  if (isEncrypted(jwt)) {
    return { text: `${header}.${marker("jwt")}`, hint: hashHint(jwt.segments.slice(1).join("."), { alg, enc, kid }) };
  }
  const tail = rest.length ? `.${rest.join(".")}` : "";
  return { text: `${header}.${payload}.${JWT_SIGNATURE_MARKER}${tail}`, hint: hashHint(signature, { alg, kid }) };
}

/** Redacts the signature of every signed JWT in `text`; returns `text` itself when none. */
export function redactJwts(text: string, field: string, findings: RedactionFinding[]): string {
  const before = findings.length;
  const out = text.replace(JWT_PATTERN, (token) => {
    const jwt = parseJwt(token);
    if (!jwt || isUnsigned(jwt)) return token;
    const redacted = redactSignedJwt(jwt);
    findings.push({ field, kind: "jwt", hint: redacted.hint });
    return redacted.text;
  });
  return findings.length === before ? text : out;
}
