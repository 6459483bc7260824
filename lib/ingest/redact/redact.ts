/**
 * Secret redaction for imported log records, applied before anything is stored, so Chainline
 * never becomes the next leaked crash dump. Markers are `[REDACTED:<kind>]`, except that a JWT
 * keeps its header and claims and loses only its signature (`[REDACTED:jwt-signature]`), and
 * schemes, users and key names around a secret stay readable.
 */
export { hashHint } from "./hint";
export { isUnsignedJwt, parseJwt } from "./jwt";
export { classifyKey } from "./keys";
export { redactText } from "./text";
export { JWT_SIGNATURE_MARKER, marker, REDACTED_PREFIX, type RedactionFinding, type RedactionKind } from "./types";
export { joinPath, MAX_DEPTH, RedactionDepthError, redactValue } from "./value";
