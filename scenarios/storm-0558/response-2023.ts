// response-2023.jsonl: a change log of our own (ts, actor, action, target, detail; one JSON
// object a line) holding the detecting customer's SOC and SIEM entries and the provider's
// response steps. The story: the SOC notices anomalies on 15 June, the "Big Yellow Taxi"-style
// rule fires on 16 June, and the key is dealt with between 26 June and 4 July 2023. Background:
// routine changes and low-severity alerts of both teams.

import { DETECTING_VICTIM, VICTIMS } from "./cast";
import { ACTOR_CLIENT_INFO, IOC_IPS, KEY_2016, RENEWAL_API } from "./facts";
import { type FileResult, type FileSpec, produce, type Rec } from "./output";
import { createRng, type Rng } from "./random";
import { ACTOR, alertTriggers, CAMPAIGN_FIXES } from "./story-2023";
import { at, backgroundTimes, iso, ROUND_THE_CLOCK } from "./time";

export const SPEC: FileSpec = {
  file: "response-2023.jsonl",
  format: "jsonl",
  description: "Detection and response change log (JSON lines: ts, actor, action, target, detail)",
  layout: { kind: "lines", tsDigits: 0 },
};

const WINDOW = { start: at("2023-06-01T00:00:00Z"), end: at("2023-07-12T00:00:00Z") };
export const ALERT_AT = "2023-06-16T14:05:31.000Z";
export const RULE_NAME = "Big Yellow Taxi";

/** `kid`, `app_id` and `ip` name the key, app or address an entry concerns, as a SIEM's or ticket system's fields would. */
type Entry = { ts: string; actor: string; action: string; target: string; detail: string; kid?: string; app_id?: string; ip?: string };
// A change log written by people and tools to the second.
const line = (e: Entry) =>
  `${JSON.stringify({ ts: iso(at(e.ts), 0), actor: e.actor, action: e.action, target: e.target, detail: e.detail, kid: e.kid, app_id: e.app_id, ip: e.ip })}\n`;

const SOC = `soc@${DETECTING_VICTIM.domain}`;
const SIEM = `siem@${DETECTING_VICTIM.domain}`;
const IDENTITY = "identity-incident-response@contoso.test";

function entries(): [string, "detection" | "response", Entry][] {
  const triggers = alertTriggers(at(ALERT_AT));
  const first = triggers[0];
  if (!first) throw new Error("the alert has no triggering records");
  const keyTarget = `kid ${KEY_2016.kid} (thumbprint ${KEY_2016.thumbprint})`;
  const northwind = VICTIMS[1]?.org ?? "Northwind";
  return [
    [
      "soc.anomaly",
      "detection",
      {
        ts: "2023-06-15T19:40:12.000Z",
        actor: SOC,
        action: "case.note",
        target: "MailItemsAccessed",
        app_id: ACTOR.appId,
        detail: "Mailbox access anomalies under review: binds by an AppId absent from the Outlook baseline",
      },
    ],
    [
      "siem.alert",
      "detection",
      {
        ts: ALERT_AT,
        actor: SIEM,
        action: "alert.fired",
        target: `AppId ${ACTOR.appId}`,
        app_id: ACTOR.appId,
        detail: `${RULE_NAME}: MailItemsAccessed by AppId ${ACTOR.appId} (ClientAppId ${ACTOR.clientAppId}, ClientInfoString ${ACTOR_CLIENT_INFO}) not in the Outlook baseline; ${triggers.length} records since 2023-06-15, first UAL Id ${first.id}`,
      },
    ],
    [
      "soc.report",
      "detection",
      {
        ts: "2023-06-16T16:30:05.000Z",
        actor: SOC,
        action: "case.escalated",
        target: "provider support",
        app_id: ACTOR.appId,
        detail: "Reported to the mail provider and the national CERT; case opened",
      },
    ],
    [
      "provider.confirmed",
      "detection",
      {
        ts: "2023-06-19T22:10:44.000Z",
        actor: IDENTITY,
        action: "investigation.finding",
        target: DETECTING_VICTIM.org,
        detail: "Six mailboxes confirmed accessed by the actor",
      },
    ],
    [
      "provider.notified",
      "detection",
      {
        ts: "2023-06-23T18:02:37.000Z",
        actor: IDENTITY,
        action: "customer.notified",
        target: northwind,
        detail: "Second government customer notified of mailbox access since 2023-06-06",
      },
    ],
    [
      "fix.tokens-found",
      "response",
      {
        ts: "2023-06-26T09:15:00.000Z",
        actor: IDENTITY,
        action: "investigation.finding",
        target: keyTarget,
        kid: KEY_2016.kid,
        detail: "Forged tokens found signed with the 2016 MSA consumer signing key",
      },
    ],
    [
      "fix.renewal-blocked",
      "response",
      {
        ts: CAMPAIGN_FIXES.renewalBlockedAt.replace("Z", ".000Z"),
        actor: "owa-deploy@contoso.test",
        action: "config.changed",
        target: `OWA ${RENEWAL_API}`,
        detail: `OWA stops accepting tokens issued from ${RENEWAL_API} for renewal`,
      },
    ],
    [
      "fix.sev0",
      "response",
      {
        ts: "2023-06-27T08:00:00.000Z",
        actor: IDENTITY,
        action: "incident.severity",
        target: "incident",
        detail: "Incident raised to SEV-0",
      },
    ],
    [
      "fix.owa-key-blocked",
      "response",
      {
        ts: CAMPAIGN_FIXES.owaKeyBlockedAt.replace("Z", ".000Z"),
        actor: "owa-deploy@contoso.test",
        action: "key.blocked",
        target: keyTarget,
        kid: KEY_2016.kid,
        detail: "Tokens signed with the key blocked in OWA; token caches cleared",
      },
    ],
    [
      "fix.key-replaced",
      "response",
      {
        ts: CAMPAIGN_FIXES.keyRevokedAt.replace("Z", ".000Z"),
        actor: "msa-keys@contoso.test",
        action: "key.revoked",
        target: keyTarget,
        kid: KEY_2016.kid,
        detail: "Key replacement complete; all active MSA signing keys revoked; MSA keys moved to the enterprise key store",
      },
    ],
    [
      "fix.jwks-removed",
      "response",
      {
        ts: "2023-06-29T12:20:00.000Z",
        actor: "msa-keys@contoso.test",
        action: "jwks.key_removed",
        target: keyTarget,
        kid: KEY_2016.kid,
        detail: "Key removed from the published JWKS (observed absent between 27 Jun and 5 Jul 2023)",
      },
    ],
    [
      "fix.consumer-blocked",
      "response",
      {
        ts: "2023-07-03T16:45:00.000Z",
        actor: "msa-keys@contoso.test",
        action: "key.blocked",
        target: keyTarget,
        kid: KEY_2016.kid,
        detail: "Key blocked for impacted consumer accounts",
      },
    ],
    [
      "fix.infra-down",
      "response",
      {
        ts: "2023-07-04T18:00:00.000Z",
        actor: "threat-intel@contoso.test",
        action: "actor.observed",
        target: "actor infrastructure",
        ip: IOC_IPS.second,
        detail: "Last token-replay infrastructure observed stood down",
      },
    ],
  ];
}

function story(): Rec[] {
  return entries().map(([ref, stage, e]) => ({
    t: at(e.ts),
    key: {
      ref,
      stage,
      summary: e.detail,
      nativeIdField: null,
      nativeId: null,
      match: { ts: iso(at(e.ts), 0), action: e.action, actor: e.actor },
    },
    render: () => line(e),
  }));
}

const ROUTINE = [
  [SOC, "alert.closed", "Impossible-travel alert closed as VPN egress"],
  [SOC, "case.note", "Phishing report triaged: no click-through"],
  [SIEM, "alert.fired", "Low: mailbox forwarding rule created to internal address"],
  [SIEM, "rule.updated", "Watchlist refreshed from HR feed"],
  ["owa-deploy@contoso.test", "deploy.completed", "OWA front-end build rolled to ring 2"],
  ["msa-keys@contoso.test", "cert.renewed", "TLS certificate renewed on token service front end"],
  [IDENTITY, "config.changed", "Conditional access report-only policy updated"],
] as const;

function* background(rng: Rng, budget: number): Generator<Rec> {
  for (const t of backgroundTimes(rng, WINDOW.start, WINDOW.end, budget, ROUND_THE_CLOCK)) {
    const [actor, action, detail] = rng.pick(ROUTINE);
    const e = { ts: iso(t, 0), actor, action, target: `change-${rng.hex(8)}`, detail };
    yield { t, render: () => line(e) };
  }
}

export async function writeResponse2023(dir: string, seed: number, budget: number): Promise<FileResult> {
  return produce(dir, SPEC, story(), background(createRng(seed, SPEC.file), budget));
}
