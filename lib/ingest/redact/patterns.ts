import { hashHint } from "./hint";
import { isPlaceholder } from "./plausible";
import { marker, REDACTED_PREFIX, type RedactionFinding } from "./types";

/**
 * Credentials inside URLs (`scheme://user:password@host`) and AWS access key ids. Quantifiers are
 * bounded and every match starts at a word boundary, so hostile input cannot make them backtrack
 * more than a constant per character.
 */

// The user may be empty (redis://:password@host). The password may itself hold a raw "@" (people do write mongodb://app:p@ss@db); the greedy
// class then backs off to the last "@" before the host, as URL parsers do.
const URL_USERINFO = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s:/?#@"'<>[\]\\]{0,256}:)([^\s/?#"'<>\\]{1,256})@/g;

/** Keeps scheme, user and host: `https://user:[REDACTED:url-password]@host/…`. */
export function redactUrlPasswords(text: string, field: string, findings: RedactionFinding[]): string {
  const before = findings.length;
  const out = text.replace(URL_USERINFO, (match: string, prefix: string, password: string) => {
    if (password.startsWith(REDACTED_PREFIX) || isPlaceholder(password)) return match;
    findings.push({ field, kind: "url-password", hint: hashHint(password) });
    return `${prefix}${marker("url-password")}@`;
  });
  return findings.length === before ? text : out;
}

// AKIA: long-term user keys; ASIA: temporary STS keys. Other prefixes (AIDA, AROA…) name
// principals, not keys, and stay. Case-sensitive on purpose: real ids are upper-case.
const AWS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;

export function redactAwsKeyIds(text: string, field: string, findings: RedactionFinding[]): string {
  const before = findings.length;
  const out = text.replace(AWS_KEY_ID, (id: string) => {
    findings.push({ field, kind: "aws-access-key-id", hint: hashHint(id, { prefix: id.slice(0, 4) }) });
    return marker("aws-access-key-id");
  });
  return findings.length === before ? text : out;
}
