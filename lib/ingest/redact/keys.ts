import type { RedactionKind } from "./types";

/**
 * Which key names announce a secret value. Shared by the free-text pair scanner
 * (`password=…`, `"client_secret": "…"`) and the JSON walk, so both agree on what a secret key is.
 *
 * Names are compared normalised (lower case, letters and digits only) and mostly by suffix, so
 * `client_secret`, `AdminPassword`, `MYSQL_ROOT_PASSWORD` and `x-api-key` all match while
 * `PasswordLastSet`, `uniqueTokenIdentifier`, `TokenObjectId` and `tokenIssuerType` do not.
 */

export type SecretFamily =
  | "password"
  | "secret"
  | "token"
  | "key"
  | "credential"
  | "aws-secret"
  | "account-key"
  | "shared-access-key"
  | "sas"
  | "authorization";

export type KeyRule = {
  family: SecretFamily;
  /** Shorter values are not taken for secrets (a generic "token: expired" is not one). */
  minLength: number;
  /** GUID values are identifiers here (a token's object id), not secrets. */
  guidIsId: boolean;
  /** Absolute paths are not secrets here: PWD and OLDPWD in environment dumps are directories. */
  pathIsNotSecret: boolean;
  /** Bare numbers are not secrets here: "pass: 12" counts passing tests. */
  numberIsNotSecret: boolean;
};

const rule = (family: SecretFamily, minLength = 8, extra: Partial<KeyRule> = {}): KeyRule => ({
  family,
  minLength,
  guidIsId: family !== "password" && family !== "secret",
  pathIsNotSecret: false,
  numberIsNotSecret: false,
  ...extra,
});

// A password is a password at any length; the 8-character floor guards generic names only.
const PASSWORD = rule("password", 1);
const PWD = rule("password", 1, { pathIsNotSecret: true });

const EXACT = new Map<string, KeyRule>([
  ["pwd", PWD],
  ["oldpwd", PWD],
  // "pass" also counts test results ("pass: 12").
  ["pass", rule("password", 4, { numberIsNotSecret: true })],
  ["sas", rule("sas")],
  ["sig", rule("sas")],
  ["authorization", rule("authorization")],
  ["proxyauthorization", rule("authorization")],
]);

// Most specific first: "secretaccesskey" must win over "key" names, "sharedaccesskey" over "accountkey".
const SUFFIXES: [string, KeyRule][] = [
  ["secretaccesskey", rule("aws-secret")],
  ["awssecretkey", rule("aws-secret")],
  ["sharedaccesskey", rule("shared-access-key")],
  ["accountkey", rule("account-key")],
  ["password", PASSWORD],
  ["passwd", PASSWORD],
  ["passphrase", PASSWORD],
  ["pwd", PWD],
  ["secret", rule("secret")],
  ["secrettext", rule("secret")],
  ["secretkey", rule("secret")],
  ["secretvalue", rule("secret")],
  ["apikey", rule("key")],
  ["sharedkey", rule("key")],
  ["privatekey", rule("key")],
  ["subscriptionkey", rule("key")],
  ["masterkey", rule("key")],
  ["signingkey", rule("key")],
  ["encryptionkey", rule("key")],
  ["storagekey", rule("key")],
  ["token", rule("token")],
  ["credential", rule("credential")],
  ["credentials", rule("credential")],
];

// Opaque cursors and idempotency ids are called tokens but grant nothing; a .NET assembly's
// PublicKeyToken is a hash of its public key, printed in every assembly name.
const NOT_SECRET_TOKENS = [
  "publickeytoken",
  "nexttoken",
  "pagetoken",
  "continuationtoken",
  "skiptoken",
  "synctoken",
  "paginationtoken",
  "clientrequesttoken",
  "idempotencytoken",
];

function classify(normalized: string): KeyRule | null {
  const exact = EXACT.get(normalized);
  if (exact) return exact;
  for (const [suffix, found] of SUFFIXES) {
    if (!normalized.endsWith(suffix)) continue;
    if (found.family === "token" && NOT_SECRET_TOKENS.some((t) => normalized.endsWith(t))) return null;
    return found;
  }
  return null;
}

/** Longer names are sentences or data, not field names. */
export const MAX_KEY_LENGTH = 64;

/** The rule for a key name, or null when the name does not announce a secret. */
export function classifyKeyUncached(key: string): KeyRule | null {
  return key.length > MAX_KEY_LENGTH ? null : classify(key.toLowerCase().replace(/[^a-z0-9]/g, ""));
}

// JSON field names repeat across millions of records; classifying each distinct name once keeps
// the walk at one map lookup per key. Only property names are cached: they are short strings of
// their own, whereas a slice of a log line could keep the whole line alive in the cache. The cap
// guards against records with unbounded key sets.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, KeyRule | null>();

/** classifyKeyUncached, remembered: for the property names of parsed records. */
export function classifyKey(key: string): KeyRule | null {
  if (key.length > MAX_KEY_LENGTH) return null;
  let found = cache.get(key);
  if (found === undefined) {
    found = classifyKeyUncached(key);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return found;
}

/** What AWS secret access keys look like: 40 characters of base64 without padding. */
export const AWS_SECRET_SHAPE = /^[A-Za-z0-9/+]{40}$/;

/**
 * The finding kind for a value redacted because of its key. `context` tells a pair written in
 * free text (`password=…`) or in a connection string (`Password=…;`) from a JSON field.
 */
export function kindForKey(found: KeyRule, value: string, context: "json" | "text" | "connection-string"): RedactionKind {
  switch (found.family) {
    case "password":
      if (context === "connection-string") return "connection-string-password";
      return context === "text" ? "password-pair" : "secret-field";
    case "aws-secret":
      return AWS_SECRET_SHAPE.test(value) ? "aws-secret-key" : "secret-field";
    case "account-key":
      return "azure-storage-key";
    case "shared-access-key":
      return "connection-string-password";
    case "sas":
      return "azure-sas-signature";
    default:
      return "secret-field";
  }
}

// Scheme words are letters, maybe one digit and dash-joined parts: Negotiate, NTLM, SharedKey,
// AWS4-HMAC-SHA256. A token followed by a blank ("abc123def456 from …") is not mistaken for one.
const AUTH_SCHEME = /[A-Za-z]{1,32}[0-9]?(?:-[A-Za-z0-9]{1,16}){0,4}[ \t]+/y;

/** Length of the scheme word and blanks opening an Authorization value at `start`; 0 when there is none. */
export function authSchemeLength(text: string, start: number): number {
  AUTH_SCHEME.lastIndex = start;
  return AUTH_SCHEME.test(text) ? AUTH_SCHEME.lastIndex - start : 0;
}
