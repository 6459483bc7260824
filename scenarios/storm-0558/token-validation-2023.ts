// token-validation-2023.jsonl: the mail front end's token-validation records (Chainline's shape,
// storm-0558.md §3.5), one JSON object a line. The story: from 15 May 2023, tokens signed with the
// 2016 consumer key are accepted for enterprise tenants (issuer_scope_match false), renewed through
// GetAccessTokenForResource; after the fixes of 26–29 June the same kid is rejected. Background:
// ordinary enterprise and consumer tokens validated against their own keys.

import { MAILBOX_LOG_FROM, OUTLOOK_CLIENTS, VICTIMS } from "./cast";
import { COMMON_JWKS, KEY_2016, MSA_KEY_ISSUER, MSA_TENANT_ID, RENEWAL_API } from "./facts";
import { type FileResult, type FileSpec, produce, type Rec } from "./output";
import { createRng, type Rng, stableB64url, stableUuid } from "./random";
import { ACTOR, campaign } from "./story-2023";
import { at, backgroundTimes, iso, OFFICE_HOURS_US_EAST } from "./time";

export const SPEC: FileSpec = {
  file: "token-validation-2023.jsonl",
  format: "token-validation",
  description: "Mail front-end token validation log (Chainline token-validation JSON lines)",
  layout: { kind: "lines", tsDigits: 3 },
};

export const WINDOW = { start: at(MAILBOX_LOG_FROM), end: at("2023-07-10T00:00:00Z") };
const OUTLOOK_AUD = "https://outlook.office.com";
const TENANT_TEMPLATE_ISSUER = "https://login.microsoftonline.com/{tenantid}/v2.0";
const FRONT_ENDS = ["BN8PR09CA0012", "SN6PR11CA0044", "DM6PR02CA0107", "CY4PR13CA0061"] as const;

type Validation = {
  ts: number;
  kid: string;
  jwksSource: string;
  keyIssuer: string;
  iss: string;
  tid: string;
  ver: string;
  sigValid: boolean;
  scopeMatch: boolean;
  decision: "accepted" | "rejected";
  expected: "accept" | "reject";
  reason?: string;
  appid: string;
  upn: string;
  clientIp: string;
  requestId: string;
  api: string;
  host: string;
};

function line(v: Validation): string {
  return `${JSON.stringify({
    ts: iso(v.ts, 3),
    kid: v.kid,
    alg: "RS256",
    jwks_source: v.jwksSource,
    key_issuer: v.keyIssuer,
    iss: v.iss,
    tid: v.tid,
    aud: OUTLOOK_AUD,
    ver: v.ver,
    sig_valid: v.sigValid,
    issuer_scope_match: v.scopeMatch,
    decision: v.decision,
    expected_decision: v.expected,
    ...(v.reason ? { reason: v.reason } : {}),
    appid: v.appid,
    upn: v.upn,
    client_ip: v.clientIp,
    request_id: v.requestId,
    api: v.api,
    host: v.host,
  })}\n`;
}

const forged = (tid: string) => ({
  kid: KEY_2016.kid,
  jwksSource: COMMON_JWKS,
  keyIssuer: MSA_KEY_ISSUER,
  iss: `https://sts.windows.net/${tid}/`,
  tid,
  ver: "1.0",
});

function story(): Rec[] {
  const { sessions, rejected } = campaign();
  const recs: Rec[] = [];
  const host = (label: string) => FRONT_ENDS[stableB64url(label, 1).charCodeAt(0) % FRONT_ENDS.length] ?? "BN8PR09CA0012";
  const add = (ref: string, stage: "token-forgery" | "response", summary: string, v: Validation) =>
    recs.push({
      t: v.ts,
      key: {
        ref,
        stage,
        summary,
        nativeIdField: "request_id",
        nativeId: v.requestId,
        match: { kid: KEY_2016.kid, tid: v.tid, decision: v.decision, issuer_scope_match: false, api: v.api, client_ip: v.clientIp },
      },
      render: () => line(v),
    });
  for (const s of sessions) {
    const base = {
      ...forged(s.victim.tenantId),
      sigValid: true,
      scopeMatch: false,
      decision: "accepted" as const,
      expected: "reject" as const,
      appid: ACTOR.appId,
      upn: s.upn,
      clientIp: s.ip,
    };
    const ts = s.start;
    add(
      `forged.${s.ref}.token`,
      "token-forgery",
      `forged token (consumer key ${KEY_2016.kid}) accepted for ${s.victim.org} mailbox ${s.upn}`,
      {
        ...base,
        ts,
        requestId: s.tokenRequestId,
        api: "GetConversationItems",
        host: host(s.ref),
      },
    );
    if (s.renewal) {
      add(`forged.${s.ref}.renewal`, "token-forgery", `forged token renewed through ${RENEWAL_API} for ${s.upn}`, {
        ...base,
        ts: s.renewal.t,
        requestId: s.renewal.requestId,
        api: RENEWAL_API,
        host: host(`${s.ref}:r`),
      });
    }
  }
  for (const r of rejected) {
    add(r.ref, "response", `after the fix: token signed with ${KEY_2016.kid} rejected for ${r.upn} (${r.reason})`, {
      ...forged(r.victim.tenantId),
      jwksSource: r.sigValid ? COMMON_JWKS : "none (kid not in JWKS)",
      ts: r.t,
      sigValid: r.sigValid,
      scopeMatch: false,
      decision: "rejected",
      expected: "reject",
      reason: r.reason,
      appid: ACTOR.appId,
      upn: r.upn,
      clientIp: r.ip,
      requestId: r.requestId,
      api: r.api,
      host: host(r.ref),
    });
  }
  return recs;
}

const ENTERPRISE_KIDS = [stableB64url("kid:ent-1", 27), stableB64url("kid:ent-2", 27), stableB64url("kid:ent-3", 27)];
const CONSUMER_KIDS = [stableB64url("kid:msa-1", 27), stableB64url("kid:msa-2", 27)];
const OTHER_TENANTS = Array.from({ length: 24 }, (_, i) => stableUuid(`tenant:other-${i}`));
const APIS = [
  ["GetItem", 30],
  ["FindItem", 25],
  ["GetConversationItems", 20],
  ["SyncFolderItems", 15],
  [RENEWAL_API, 4],
  ["CreateItem", 6],
] as const;

function* background(rng: Rng, budget: number): Generator<Rec> {
  for (const t of backgroundTimes(rng, WINDOW.start, WINDOW.end, budget, OFFICE_HOURS_US_EAST)) {
    const consumer = rng.chance(0.15);
    const victim = rng.chance(0.5) ? rng.pick(VICTIMS) : undefined;
    const tid = consumer ? MSA_TENANT_ID : (victim?.tenantId ?? rng.pick(OTHER_TENANTS));
    const user = `user${rng.between(1, 900)}@${consumer ? "outlook.test" : (victim?.domain ?? `tenant${tid.slice(0, 4)}.test`)}`;
    const v2 = consumer || rng.chance(0.4);
    const roll = rng.next();
    const expired = roll < 0.02;
    const badSig = roll >= 0.02 && roll < 0.025;
    const v: Validation = {
      ts: t,
      kid: consumer ? rng.pick(CONSUMER_KIDS) : rng.pick(ENTERPRISE_KIDS),
      jwksSource: consumer ? "consumers/discovery/v2.0/keys" : COMMON_JWKS,
      keyIssuer: consumer ? MSA_KEY_ISSUER : TENANT_TEMPLATE_ISSUER,
      iss: v2 ? `https://login.microsoftonline.com/${tid}/v2.0` : `https://sts.windows.net/${tid}/`,
      tid,
      ver: v2 ? "2.0" : "1.0",
      sigValid: !badSig,
      scopeMatch: true,
      decision: expired || badSig ? "rejected" : "accepted",
      expected: expired || badSig ? "reject" : "accept",
      ...(expired ? { reason: "token expired" } : badSig ? { reason: "signature validation failed" } : {}),
      appid: rng.weighted(OUTLOOK_CLIENTS.map((c) => [c.appId, c.weight] as const)),
      upn: user,
      clientIp: `${rng.pick(["198.51.100", "203.0.113", "192.0.2"])}.${rng.between(1, 254)}`,
      requestId: rng.uuid(),
      api: rng.weighted(APIS),
      host: rng.pick(FRONT_ENDS),
    };
    yield { t, render: () => line(v) };
  }
}

export async function writeTokenValidation2023(dir: string, seed: number, budget: number): Promise<FileResult> {
  return produce(dir, SPEC, story(), background(createRng(seed, SPEC.file), budget));
}
