import { hashHint } from "./hint";
import { marker, type RedactionFinding } from "./types";

/**
 * PEM private keys, whole: `-----BEGIN (RSA |EC |ENCRYPTED |OPENSSH |…)PRIVATE KEY-----` through
 * the matching END line, whether the newlines inside are real or `\n` escapes in JSON text.
 * Certificates and public keys are public by design and stay untouched.
 */

const BEGIN = "-----BEGIN ";
const DASHES = "-----";
/** Labels are short upper-case words; anything longer is not a PEM boundary. */
const MAX_LABEL = 40;
const PRIVATE_LABEL = /^(?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?$/;

// A log line cut off inside a key still holds most of it. Without an END line the key runs on
// as long as the text looks like PEM body: base64, blanks, escaped newlines and the
// "Proc-Type: 4,ENCRYPTED" / "DEK-Info: AES-128-CBC,…" headers of legacy encrypted keys.
function isBodyChar(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2b ||
    c === 0x2f ||
    c === 0x3d || // + / =
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d || // blanks
    c === 0x5c ||
    c === 0x3a ||
    c === 0x2c ||
    c === 0x2d // \ : , -
  );
}

function truncatedBodyEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBodyChar(text.charCodeAt(i))) i++;
  return i;
}

/** Replaces every PEM private-key block; returns `text` itself when there is none. */
export function redactPem(text: string, field: string, findings: RedactionFinding[]): string {
  let out = "";
  let copied = 0;
  let from = 0;
  // Once an END line is known to be absent after some point it is absent after any later point,
  // so each label's END is searched for at most once per miss: the scan stays linear.
  const endMissing = new Set<string>();
  for (;;) {
    const begin = text.indexOf(BEGIN, from);
    if (begin < 0) break;
    const labelStart = begin + BEGIN.length;
    const labelEnd = text.indexOf(DASHES, labelStart);
    if (labelEnd < 0) break;
    const label = labelEnd - labelStart <= MAX_LABEL ? text.slice(labelStart, labelEnd) : "";
    if (!PRIVATE_LABEL.test(label)) {
      from = labelStart;
      continue;
    }
    const bodyStart = labelEnd + DASHES.length;
    const endLine = `-----END ${label}-----`;
    const end = endMissing.has(label) ? -1 : text.indexOf(endLine, bodyStart);
    let blockEnd: number;
    if (end >= 0) {
      blockEnd = end + endLine.length;
    } else {
      endMissing.add(label);
      blockEnd = truncatedBodyEnd(text, bodyStart);
    }
    out += text.slice(copied, begin) + marker("pem-private-key");
    findings.push({ field, kind: "pem-private-key", hint: hashHint(text.slice(begin, blockEnd), { pem: label }) });
    copied = from = blockEnd;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
