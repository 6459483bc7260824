// Facts from the public record (/work/shared/reference/storm-0558.md, which cites each one).
// Everything else in the scenario (people, tenants, hosts, exact times) is invented.

export const KEY_2016 = {
  kid: "1LTMzakihiRla_8z2BEJVXeWMqo",
  thumbprint: "d4b4cccda9228624656bff33d8110955779632aa",
  subject: "CN=Live ID STS Signing Public Key",
  notBefore: "2016-04-05T14:43:35Z",
  notAfter: "2021-04-04T14:43:35Z",
} as const;

/** The Microsoft account (consumer) tenant: the only issuer the 2016 key was scoped to. */
export const MSA_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";
export const MSA_KEY_ISSUER = `https://login.microsoftonline.com/${MSA_TENANT_ID}/v2.0`;
export const COMMON_JWKS = "common/discovery/v2.0/keys";

/** Actor infrastructure named in Microsoft's IOCs; 195.26.87.219 was the first, on 15 May 2023. */
export const IOC_IPS = { first: "195.26.87.219", second: "185.38.142.229" } as const;
export const ACTOR_CLIENT_INFO = "Client=REST;Client=RESTSystem;;";
export const RENEWAL_API = "GetAccessTokenForResource";

export const DATES = {
  crashMonth: "2021-04",
  firstMailboxAccess: "2023-05-15",
  commerceFirstAccess: "2023-06-06",
  socAnomaly: "2023-06-15",
  detection: "2023-06-16",
  accountsConfirmed: "2023-06-19",
  renewalBlocked: "2023-06-26",
  owaKeyBlocked: "2023-06-27",
  keyReplaced: "2023-06-29",
  consumerBlocked: "2023-07-03",
  infraDown: "2023-07-04",
  disclosure: "2023-07-11",
  msrcMostProbable: "2023-09-06",
  msrcAddendum: "2024-03-12",
  // The CSRB report is dated 2024-03-20 but was released on 2024-04-02: it could be cited only from then.
  csrbReleased: "2024-04-02",
} as const;

export const SOURCES = {
  msrc0711: "MSRC 2023-07-11 (msrc.microsoft.com/blog/2023/07/microsoft-mitigates-china-based-threat-actor-storm-0558…)",
  msti: "Microsoft Threat Intelligence 2023-07-14 (analysis of Storm-0558 techniques)",
  msrc0906: "MSRC 2023-09-06, with the 2024-03-12 addendum (results of major technical investigations for Storm-0558 key acquisition)",
  cisa: "CISA/FBI AA23-193A (2023-07-12, updated 2023-07-14)",
  csrb: "CSRB review of the summer 2023 Microsoft Exchange Online intrusion (dated 2024-03-20, released 2024-04-02)",
  wiz: "Wiz 2023-07-21 (via The Hacker News and CSRB p.15)",
} as const;
