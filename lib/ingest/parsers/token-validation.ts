import type { EntityRef, RecordMapper } from "../canonical";
import { type Format, isObject, type Sample, tryJson, wholeLines } from "../formats/format";
import { createJsonLinesParser, isJsonLines, jsonLinesKeys } from "../formats/jsonl";
import { checkTokenRecord, hasTokenFields, type TokenValidationRecord } from "./token-validation-shape";

/** The Microsoft account (consumer) tenant: a key scoped to it must never validate an enterprise token. */
export const MSA_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The tenant a JWKS entry's issuer is scoped to; a "{tenantid}" template takes the token's tid. */
function keyTenant(r: TokenValidationRecord): string | undefined {
  const issuer = text(r.key_issuer);
  if (!issuer) return undefined;
  return GUID.exec(issuer.replace("{tenantid}", r.tid))?.[0]?.toLowerCase();
}

/**
 * Whether the token's issuer is in the key's scope: as the validator logged it, else derived by
 * comparing the key issuer's tenant with the token's tid (undefined when there is no key issuer).
 */
function scopeMatch(r: TokenValidationRecord): { match?: boolean; derived: boolean } {
  if (typeof r.issuer_scope_match === "boolean") return { match: r.issuer_scope_match, derived: false };
  const kt = keyTenant(r);
  return kt === undefined ? { derived: false } : { match: kt === r.tid.toLowerCase(), derived: true };
}

function keyDescription(r: TokenValidationRecord): string | undefined {
  const kt = keyTenant(r);
  const template = text(r.key_issuer)?.includes("{tenantid}");
  const kind = kt === MSA_TENANT ? "consumer key" : template ? "multi-tenant key" : kt ? "tenant key" : undefined;
  const issuer = kt && !template ? `issuer …/${kt.slice(0, 8)}…` : undefined;
  const parts = [kind, issuer].filter(Boolean);
  return parts.length ? `(${parts.join(", ")})` : undefined;
}

/** "Token kid 1LTM… (consumer key, issuer …/9188040d…) accepted for tenant T aud outlook.office.com — issuer scope mismatch …" */
function tokenMessage(r: TokenValidationRecord): string {
  const aud = r.aud.replace(/^https?:\/\//, "").replace(/\/$/, "");
  const app = text(r.appid) ?? text(r.azp);
  const who = text(r.upn) ?? text(r.oid);
  const parts = [
    `Token kid ${r.kid}`,
    keyDescription(r),
    `${r.decision} for tenant ${r.tid} aud ${aud}`,
    app && `app ${app}`,
    who && `user ${who}`,
    text(r.client_ip) && `from ${r.client_ip}`,
    text(r.api) && `via ${r.api}`,
  ];
  const flags: string[] = [];
  const scope = scopeMatch(r);
  if (r.decision === "accepted" && !r.sig_valid) flags.push("INVALID SIGNATURE ACCEPTED");
  // The Storm-0558 pattern: a genuine signature from a key that may not sign for this issuer.
  if (r.decision === "accepted" && r.sig_valid && scope.match === false) {
    flags.push(
      `issuer scope mismatch${scope.derived ? " (derived from key_issuer)" : ""}: valid signature from a key not scoped to this issuer`,
    );
  }
  const expected = text(r.expected_decision);
  if (expected && !r.decision.startsWith(expected.replace(/ed$/, ""))) flags.push(`expected ${expected}`);
  if (r.decision === "rejected" && text(r.reason)) flags.push(`reason: ${r.reason}`);
  return `${parts.filter(Boolean).join(" ")}${flags.length ? ` — ${flags.join("; ")}` : ""}`;
}

function tokenEntities(r: TokenValidationRecord): EntityRef[] {
  const out: EntityRef[] = [
    { kind: "key", value: r.kid, role: "signing-key" },
    { kind: "tenant", value: r.tid, role: "token-tenant" },
    { kind: "app", value: r.aud, role: "audience" },
  ];
  const kt = keyTenant(r);
  if (kt) out.push({ kind: "tenant", value: kt, role: "key-issuer-tenant" });
  const app = text(r.appid) ?? text(r.azp);
  if (app) out.push({ kind: "app", value: app, role: "client-app" });
  if (text(r.oid) && text(r.upn)) out.push({ kind: "account", value: r.oid as string, role: "object-id" });
  if (text(r.request_id)) out.push({ kind: "session", value: r.request_id as string, role: "request" });
  if (text(r.uti)) out.push({ kind: "session", value: r.uti as string, role: "token-id" });
  return out;
}

const mapToken: RecordMapper = (raw) => {
  const r = checkTokenRecord(raw);
  if ("error" in r) return r;
  return {
    time: r.ts,
    timestampDesc: "Validation Time",
    message: tokenMessage(r),
    action: text(r.api) ?? "token.validate",
    category: "token-validation",
    outcome: r.decision,
    actor: text(r.upn) ?? text(r.oid) ?? text(r.sub),
    host: text(r.host),
    srcIp: text(r.client_ip),
    target: r.aud,
    entities: tokenEntities(r),
  };
};

function tokenScore(sample: Sample): number {
  if (!isJsonLines(sample)) return 0;
  const first = wholeLines(sample).map(tryJson).find(isObject);
  return first && hasTokenFields(first) ? 98 : 0;
}

export const tokenValidationFormat: Format = {
  name: "token-validation",
  label: "Token validation log (Chainline)",
  description:
    "Chainline's JWT validation record, one JSON object a line: ts, kid, iss, tid, aud, sig_valid, decision required; key_issuer, issuer_scope_match, expected_decision, appid, upn/oid, client_ip, api… optional. A valid signature accepted from a key not scoped to the issuer is flagged.",
  example:
    '{"ts":"2023-06-15T03:12:40Z","kid":"1LTMzakihiRla_8z2BEJVXeWMqo","alg":"RS256","jwks_source":"common/discovery/v2.0/keys","key_issuer":"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0","iss":"https://sts.windows.net/11111111-2222-4333-8444-555555555555/","tid":"11111111-2222-4333-8444-555555555555","aud":"https://outlook.office.com","ver":"1.0","sig_valid":true,"issuer_scope_match":false,"decision":"accepted","expected_decision":"reject"}',
  detect: tokenScore,
  createParser: createJsonLinesParser,
  createMapper: () => mapToken,
  sampleFields: jsonLinesKeys,
};
