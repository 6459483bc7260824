/**
 * Chainline's token-validation record (one JSON object a line). No standard log of JWT validation
 * exists; this is the shape a validator (or a scenario) writes so that a forged-token pattern, a valid
 * signature from a key not scoped to the token's issuer, can be seen on the timeline.
 */
export type TokenValidationRecord = {
  ts: string;
  kid: string;
  iss: string;
  tid: string;
  aud: string;
  sig_valid: boolean;
  decision: "accepted" | "rejected";
  alg?: string;
  x5t?: string;
  jwks_source?: string;
  key_issuer?: string;
  ver?: string;
  issuer_scope_match?: boolean;
  expected_decision?: string;
  reason?: string;
  appid?: string;
  azp?: string;
  oid?: string;
  sub?: string;
  upn?: string;
  scp?: string;
  uti?: string;
  idp?: string;
  client_ip?: string;
  user_agent?: string;
  request_id?: string;
  api?: string;
  host?: string;
};

type FieldType = "string" | "boolean";

/** Required fields and their JSON types. */
export const REQUIRED_FIELDS: Readonly<Record<string, FieldType>> = {
  ts: "string",
  kid: "string",
  iss: "string",
  tid: "string",
  aud: "string",
  sig_valid: "boolean",
  decision: "string",
};

/** Optional fields and their JSON types; any other field is allowed and kept in raw. */
export const OPTIONAL_FIELDS: Readonly<Record<string, FieldType>> = {
  alg: "string",
  x5t: "string",
  jwks_source: "string",
  key_issuer: "string",
  ver: "string",
  issuer_scope_match: "boolean",
  expected_decision: "string",
  reason: "string",
  appid: "string",
  azp: "string",
  oid: "string",
  sub: "string",
  upn: "string",
  scp: "string",
  uti: "string",
  idp: "string",
  client_ip: "string",
  user_agent: "string",
  request_id: "string",
  api: "string",
  host: "string",
};

const DECISIONS = new Set(["accepted", "rejected"]);

/** The record when it has this shape, else the reason it does not (a missing or mistyped field). */
export function checkTokenRecord(raw: Record<string, unknown>): TokenValidationRecord | { error: string } {
  for (const [name, type] of Object.entries(REQUIRED_FIELDS)) {
    const v = raw[name];
    if (v === undefined || v === null || v === "") return { error: `token validation record: "${name}" is missing` };
    if (typeof v !== type) return { error: `token validation record: "${name}" must be a ${type}` };
  }
  for (const [name, type] of Object.entries(OPTIONAL_FIELDS)) {
    const v = raw[name];
    if (v !== undefined && v !== null && typeof v !== type) return { error: `token validation record: "${name}" must be a ${type}` };
  }
  if (!DECISIONS.has(raw.decision as string)) {
    return { error: `token validation record: "decision" must be "accepted" or "rejected", not "${String(raw.decision).slice(0, 40)}"` };
  }
  return raw as TokenValidationRecord;
}

/** True when the object names every required field (whatever their values): the detection test. */
export function hasTokenFields(o: Record<string, unknown>): boolean {
  return Object.keys(REQUIRED_FIELDS).every((k) => k in o);
}
