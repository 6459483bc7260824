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
  pathIsNotSecret: boolean /** Bare numbers are not secrets here: "pass: 12" counts passing tests. */;
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

// Opaque cursors and idempotency ids are called tokens but grant nothing.
const NOT_SECRET_TOKENS = [
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

// Field names repeat across millions of records; classifying each distinct name once keeps the
// JSON walk at one map lookup per key. The cap only guards against records with unbounded key sets.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, KeyRule | null>();

/** The rule for a key name, or null when the name does not announce a secret. */
export function classifyKey(key: string): KeyRule | null {
  let found = cache.get(key);
  if (found === undefined) {
    found = key.length > 64 ? null : classify(key.toLowerCase().replace(/[^a-z0-9]/g, ""));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return found;
}

const AWS_SECRET_SHAPE = /^[A-Za-z0-9/+]{40}$/;

/**
 * The finding kind for a value redacted because of its key. `inText` separates a pair written in
 * free text (`password=…`, `Password=…;` in a connection string) from a JSON field.
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
