// The invented cast: people, tenants, hosts and addresses. Contoso stands in for the identity
// provider; the victims are contoso-style organisations on .test domains. Addresses are from the
// documentation ranges (RFC 5737) except the actor's two published IOC addresses.

import { stableUuid } from "./random";
import { at, DAY } from "./time";

export const PROVIDER = {
  name: "Contoso",
  tenantId: stableUuid("tenant:contoso-corp"),
  upnDomain: "contoso.test",
  netbios: "CORP",
  sharepoint: "https://contoso.sharepoint.test",
} as const;

export const SIGNING_HOST = "msasign-p07.signing.contoso.test";

export const SIGNING_APP = {
  exe: "msasigningsvc.exe",
  version: "4.2.1804.17",
  timestamp: "5f8a1c3e",
  path: "C:\\Program Files\\Contoso\\MsaSigning\\msasigningsvc.exe",
} as const;

export const DEBUG_FS = {
  host: "dbgfs01.corp.contoso.test",
  share: "\\\\*\\CrashDumps",
  localPath: "\\??\\D:\\CrashDumps",
  unc: "\\\\dbgfs01.corp.contoso.test\\CrashDumps",
} as const;

export const TRANSFER = { account: "svc-dumpxfer", ip: "10.30.5.21", sid: "S-1-5-21-2871043327-1207481330-3725440181-31207" } as const;

export const ENGINEER = {
  displayName: "Avery Lindqvist",
  sam: "alindqvist",
  upn: "alindqvist@contoso.test",
  userId: stableUuid("user:alindqvist"),
  sid: "S-1-5-21-2871043327-1207481330-3725440181-48812",
  workstationIp: "10.20.14.52",
  /** A remote-access pool address this account had never used before. */
  unfamiliarIp: "10.64.212.37",
} as const;

export const CORP_EGRESS = [
  { ip: "198.51.100.17", city: "Redmond", region: "Washington", country: "US", asn: 64500 },
  { ip: "198.51.100.18", city: "Redmond", region: "Washington", country: "US", asn: 64500 },
  { ip: "198.51.100.33", city: "Bellevue", region: "Washington", country: "US", asn: 64500 },
] as const;
export const HOME_ISP = { ip: "192.0.2.44", city: "Seattle", region: "Washington", country: "US", asn: 64502 } as const;
/** The 2021 token-replay infrastructure: another country, another ASN. */
export const REPLAY_INFRA = { ip: "203.0.113.77", city: "Amsterdam", region: "North Holland", country: "NL", asn: 64511 } as const;

/** The debugging environment's logs survive only for this window (a 180-day rolling log, archived once). */
export const DEBUG_RETENTION = {
  retentionDays: 180,
  retainedFrom: "2021-02-02T00:00:00Z",
  retainedUntil: "2021-08-01T00:00:00Z",
  /** When the 2023 investigation went looking for them. */
  soughtAt: "2023-06-26T00:00:00Z",
} as const;
if (at(DEBUG_RETENTION.retainedUntil) - at(DEBUG_RETENTION.retainedFrom) !== DEBUG_RETENTION.retentionDays * DAY) {
  throw new Error("DEBUG_RETENTION window and retentionDays disagree");
}

/** Mailbox and validation logs in 2023 reach back 30 days from collection: nothing before this. */
export const MAILBOX_LOG_FROM = "2023-05-15T00:00:00Z";

export type Victim = { org: string; domain: string; tenantId: string; kind: string; mailboxes: string[] };

export const VICTIMS: readonly Victim[] = [
  {
    org: "Fabrikam Department",
    domain: "fabrikam-dept.test",
    tenantId: stableUuid("tenant:fabrikam-dept"),
    kind: "government agency (detects the intrusion)",
    mailboxes: ["k.osei", "m.halvorsen", "r.castellano", "t.nakamura", "p.dubois", "s.ahmadi", "j.whitfield", "l.moreau"],
  },
  {
    org: "Northwind Trade Bureau",
    domain: "northwind-trade.test",
    tenantId: stableUuid("tenant:northwind-trade"),
    kind: "government agency",
    mailboxes: ["e.brandt", "d.kowalczyk"],
  },
  {
    org: "Woodgrove Policy Institute",
    domain: "woodgrove-policy.test",
    tenantId: stableUuid("tenant:woodgrove-policy"),
    kind: "think tank",
    mailboxes: ["a.varga", "n.oyelaran"],
  },
  {
    org: "Adatum Foreign Ministry",
    domain: "adatum-mfa.test",
    tenantId: stableUuid("tenant:adatum-mfa"),
    kind: "foreign government entity",
    mailboxes: ["h.lindgren", "c.ferreira"],
  },
  {
    org: "Litware University",
    domain: "litware-univ.test",
    tenantId: stableUuid("tenant:litware-univ"),
    kind: "educational entity",
    mailboxes: ["b.okafor"],
  },
];

export const DETECTING_VICTIM = VICTIMS[0] as Victim;

/** The actor's client: the real AppId was never published, so these are invented. */
export const ACTOR_APP = { appId: stableUuid("actor:app-id"), clientAppId: stableUuid("actor:client-app-id") } as const;

/** Ordinary mail clients: Outlook desktop (MAPI), Outlook on the web, Outlook mobile. */
export const OUTLOOK_CLIENTS = [
  { appId: "d3590ed6-52b3-4102-aeff-aad2292ab01c", clientInfo: "Client=MSExchangeRPC", weight: 5 },
  { appId: "00000002-0000-0ff1-ce00-000000000000", clientInfo: "Client=OWA;Action=ViaProxy", weight: 4 },
  { appId: "27922004-5251-4030-b22d-91ecd9a37ea4", clientInfo: "Client=OutlookService;Outlook-iOS/2.0;", weight: 2 },
] as const;

export const FIRST_NAMES = [
  "alex",
  "bailey",
  "casey",
  "dana",
  "eli",
  "fern",
  "gale",
  "harper",
  "indra",
  "jules",
  "kai",
  "lane",
  "mika",
  "noor",
  "oren",
  "parker",
  "quinn",
  "rowan",
  "sasha",
  "tate",
  "uma",
  "val",
  "wren",
  "yael",
  "zane",
  "ari",
  "bo",
  "cleo",
] as const;
export const LAST_NAMES = [
  "abbott",
  "bergstrom",
  "chandra",
  "delacroix",
  "eriksen",
  "fontaine",
  "garza",
  "hollis",
  "ivanova",
  "jansen",
  "kimura",
  "larsen",
  "mbeki",
  "novak",
  "okafor",
  "petrov",
  "quist",
  "rahman",
  "santos",
  "tanaka",
  "ueda",
  "vance",
  "weller",
  "young",
] as const;
