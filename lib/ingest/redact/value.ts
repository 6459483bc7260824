import { hashHint } from "./hint";
import { authSchemeLength, classifyKey, type KeyRule, kindForKey } from "./keys";
import { isPlausibleSecret } from "./plausible";
import { scanTriggers } from "./prefilter";
import { redactTriggered } from "./text";
import { marker, REDACTED_PREFIX, type RedactionFinding } from "./types";

/**
 * Deep redaction of a parsed JSON record. Every string goes through the text rules; a string
 * under a key that names a secret (`client_secret`, `password`, `AccountKey`…) is replaced whole
 * when the text rules found nothing in it and it looks like a secret (see plausible.ts).
 */

/** Real records nest a few levels; JSON.parse accepts 100,000. Deeper input is refused, not skipped. */
export const MAX_DEPTH = 256;

/** Thrown for records nested deeper than MAX_DEPTH: they cannot be checked, so must not be stored. */
export class RedactionDepthError extends Error {
  constructor(readonly field: string) {
    super(`record nests deeper than ${MAX_DEPTH} levels at ${field}; refusing to store it unchecked`);
    this.name = "RedactionDepthError";
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** "raw.AuditData.Parameters[2].Value"; keys that are not plain names are quoted: raw["User Agent"]. */
export function joinPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent ? `${parent}.${key}` : key;
}

// Audit logs often store settings as name/value pairs: Exchange cmdlet Parameters
// [{Name: "Password", Value: "…"}], Entra modifiedProperties [{displayName, oldValue, newValue}],
// additionalDetails [{key, value}]. The name decides whether the value is a secret.
const PAIR_VALUE_KEYS = new Set(["value", "Value", "newValue", "NewValue", "oldValue", "OldValue"]);
const PAIR_NAME_KEYS = ["Name", "name", "displayName", "DisplayName", "key", "Key"];

function ruleFor(obj: Record<string, unknown>, key: string): KeyRule | null {
  if (PAIR_VALUE_KEYS.has(key)) {
    for (const nameKey of PAIR_NAME_KEYS) {
      const name = obj[nameKey];
      if (typeof name === "string") return classifyKey(name);
    }
  }
  return classifyKey(key);
}

function redactWhole(text: string, found: KeyRule, field: string, findings: RedactionFinding[]): string {
  // `Negotiate YII…`: under an Authorization key the scheme word stays, the credential goes.
  const scheme = found.family === "authorization" ? text.slice(0, authSchemeLength(text, 0)) : "";
  const secret = text.slice(scheme.length);
  if (secret.includes(REDACTED_PREFIX) || !isPlausibleSecret(secret, found)) return text;
  const kind = kindForKey(found, secret, "json");
  findings.push({ field, kind, hint: hashHint(secret) });
  return scheme + marker(kind);
}

/** `key` is null for a string that is the whole value: its field is then `parent` itself. */
function redactString(
  text: string,
  parent: string,
  key: string | number | null,
  found: KeyRule | null,
  findings: RedactionFinding[],
): string {
  const mask = scanTriggers(text);
  if (mask === 0 && found === null) return text;
  // The path is built only here, for the few strings that may hold a secret.
  const field = key === null ? parent : joinPath(parent, key);
  if (mask !== 0) {
    const out = redactTriggered(text, mask, field, findings);
    // A value the text rules took apart (a JWT that keeps its claims) is not also replaced whole.
    if (out !== text) return out;
  }
  return found === null ? text : redactWhole(text, found, field, findings);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Plain assignment to "__proto__" would change the copy's prototype instead of its data.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

function walk(value: object, path: string, found: KeyRule | null, findings: RedactionFinding[], depth: number): object {
  if (depth > MAX_DEPTH) throw new RedactionDepthError(path);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      let next: unknown;
      // Strings directly in an array under a secret key ("credentials": ["…"]) inherit the key.
      if (typeof item === "string") next = redactString(item, path, i, found, findings);
      else if (typeof item === "object" && item !== null) next = walk(item, joinPath(path, i), null, findings, depth + 1);
      else continue;
      if (next !== item) {
        copy ??= value.slice();
        copy[i] = next;
      }
    }
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const child = value[key];
    let next: unknown;
    if (typeof child === "string") next = redactString(child, path, key, ruleFor(value, key), findings);
    else if (typeof child === "object" && child !== null) {
      next = walk(child, joinPath(path, key), Array.isArray(child) ? ruleFor(value, key) : null, findings, depth + 1);
    } else continue;
    if (next !== child) {
      copy ??= { ...value };
      setOwn(copy, key, next);
    }
  }
  return copy ?? value;
}

/**
 * Deep-walks a parsed JSON value and redacts every string; numbers, booleans and null are left
 * alone. Returns `value` itself when nothing changed and shares every unchanged subtree, so a
 * caller may test `result === value`. Every change appends a finding, so `findings` growing is
 * equivalent to the value changing. Throws RedactionDepthError past MAX_DEPTH levels.
 */
export function redactValue(value: unknown, path: string, findings: RedactionFinding[]): unknown {
  if (typeof value === "string") return redactString(value, path, null, null, findings);
  if (typeof value !== "object" || value === null) return value;
  return walk(value, path, null, findings, 0);
}
