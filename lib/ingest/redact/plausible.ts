import { isUnsignedJwt } from "./jwt";
import type { KeyRule } from "./keys";
import { REDACTED_PREFIX } from "./types";

/**
 * Whether a value found under a secret-naming key is really a secret. Logs are full of such keys
 * holding flags, masks, references and identifiers; redacting those would hide facts the
 * investigator needs (was a password set? which token object?) and protect nothing.
 */

// Status words that follow "password:" in prose and flags written as text.
const NOT_SECRET_WORDS = new Set([
  "true",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "null",
  "nil",
  "none",
  "undefined",
  "n/a",
  "na",
  "empty",
  "set",
  "unset",
  "not set",
  "notset",
  "present",
  "provided",
  "unknown",
  "required",
  "expired",
  "changed",
  "reset",
  "invalid",
  "incorrect",
  "missing",
  "ok",
  "redacted",
  "hidden",
  "masked",
  "filtered",
  "removed",
  "omitted",
  "sanitized",
  "protected",
  "securestring",
  "system.security.securestring",
]);

// "xxxxxxxx", "<redacted>", "[hidden]", "{filtered}", and references to secrets kept elsewhere:
// ${DB_PASSWORD}, $(secret), {{ vault.x }}, %PASSWORD%.
const PLACEHOLDER =
  /^(?:x+|[<[{(]\s*[a-z _-]{1,20}\s*[>\]})]|\$\{[^}]{0,200}\}|\$\([^)]{0,200}\)|\{\{[^}]{0,200}\}\}|%[A-Za-z0-9_]{1,100}%)$/i;
const GUID = /^[{(]?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[)}]?$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const URL_START = /^[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\//;
const ABSOLUTE_PATH = /^(?:\/|~\/|[A-Za-z]:\\)/;
const NUMBER = /^[0-9.,/%]+$/;
const HAS_ALNUM = /[A-Za-z0-9]/;
const HAS_BLANK = /\s/;
// Letter runs joined only at a capital or a separator, so no two ways to split one run: linear.
const ACCOUNT = /^(?:[A-Za-z0-9._-]{1,64}\\[A-Za-z0-9._$ -]{1,104}|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24})$/;
const WORDS = /^[A-Za-z][a-z]+(?:(?:[_.-][A-Za-z]|[A-Z])[a-z]+)*$/;

/** Masks and references that stand where a secret would be: never worth a finding. */
export function isPlaceholder(value: string): boolean {
  return (
    !HAS_ALNUM.test(value) || value.startsWith(REDACTED_PREFIX) || PLACEHOLDER.test(value) || NOT_SECRET_WORDS.has(value.toLowerCase())
  );
}

/**
 * Judging looks at the first WINDOW characters only. A pair scanner may ask about many suffixes
 * of one long run of text; a bounded look keeps that linear. Past the window a value is
 * redacted rather than cleared: the safe side of a guess. Callers check the whole value for
 * markers left by other rules (a JWT keeps its claims and must not then be replaced whole).
 */
const WINDOW = 256;

export function isPlausibleSecret(raw: string, found: KeyRule): boolean {
  const whole = raw.trim();
  if (whole.length < found.minLength) return false;
  // An unsigned JWT is judged whole; its anchored pattern stops at the first character no JWT has.
  if (isUnsignedJwt(whole)) return false;
  const value = whole.length > WINDOW ? whole.slice(0, WINDOW) : whole;
  if (isPlaceholder(value) || value.includes(REDACTED_PREFIX)) return false;
  if (ISO_TIME.test(value)) return false;
  // URLs carry their credentials in places the URL and SAS rules already handle.
  if (URL_START.test(value)) return false;
  // Tokens and keys are single words; a sentence under "token" is a description. Passwords may
  // contain blanks ("correct horse battery staple").
  if (found.family !== "password" && HAS_BLANK.test(value)) return false;
  // Generated tokens and keys are not made of dictionary-looking words: "token: refreshed",
  // "accessToken: acquired", "AuthenticationRequired". Passwords often are, so they stay in.
  if (found.family !== "password" && WORDS.test(value)) return false;
  // "Credentials: CORP\bob", "token: bob@contoso.com": an account names who, not how.
  if (found.family !== "password" && ACCOUNT.test(value)) return false;
  if (found.guidIsId && GUID.test(value)) return false;
  if (found.pathIsNotSecret && ABSOLUTE_PATH.test(value)) return false;
  return !(found.numberIsNotSecret && NUMBER.test(value));
}
