/** What a redaction removed; also the suffix of its `[REDACTED:<kind>]` marker. */
export type RedactionKind =
  | "pem-private-key"
  | "jwt"
  | "bearer-token"
  | "basic-auth"
  | "aws-access-key-id"
  | "aws-secret-key"
  | "azure-storage-key"
  | "azure-sas-signature"
  | "connection-string-password"
  | "url-password"
  | "password-pair"
  | "secret-field";

export type RedactionFinding = {
  /** Where: "message" or a path into the raw record, e.g. "raw.AuditData.Parameters[2].Value". */
  field: string;
  kind: RedactionKind;
  /** Short, non-reversible hint to tell findings apart, e.g. "sha256:3f9a alg=RS256 kid=abc". */
  hint: string;
};

/** Every marker starts with this, so later rules (and a second pass) can recognise finished work. */
export const REDACTED_PREFIX = "[REDACTED:";

/** Replaces a JWT's signature only: header and claims stay readable for the investigator. */
export const JWT_SIGNATURE_MARKER = "[REDACTED:jwt-signature]";

export function marker(kind: RedactionKind): string {
  return `${REDACTED_PREFIX}${kind}]`;
}

/** Hard ceiling for one secret found by a key name; keeps every scan bounded on hostile input. */
export const MAX_SECRET_LENGTH = 4096;
