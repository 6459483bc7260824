// The answer key: where each story record landed, the chain with dates and confidence, the
// competing hypotheses for the key theft, the evidence gaps, the counts, and the public-record
// facts the scenario rests on. Tests and training read it; the importer never does.

import type { AnswerKey, ChainStep, Gap, KeyEvent, Manifest, StageKey } from "./answer-key-types";
import { ACTOR_APP, DEBUG_RETENTION, MAILBOX_LOG_FROM } from "./cast";
import { ACTOR_CLIENT_INFO, DATES, IOC_IPS, KEY_2016, SOURCES } from "./facts";
import type { FileResult } from "./output";
import { CSRB_NOT_PROVEN, HYPOTHESES, MOST_PROBABLE, UNPROVEN } from "./public-assessments";
import { DUMP_ARRIVES } from "./story-2021";
import { iso } from "./time";

export type { AnswerKey, Manifest } from "./answer-key-types";

export const STAGES: AnswerKey["stages"] = [
  { key: "key-exposure", order: 1, title: "Key material exposure (crash dump written with key material)" },
  { key: "transfer-out", order: 2, title: "Transfer out of the isolated network (dump moved to the debugging environment)" },
  { key: "detection-failure", order: 3, title: "Detection failure (credential scan ran and missed the key)" },
  { key: "account-compromise", order: 4, title: "Corporate account compromise (engineer account token theft/replay)" },
  { key: "key-acquisition", order: 5, title: "Key acquisition / exfiltration (no direct logs: retention gap)" },
  { key: "token-forgery", order: 6, title: "Token forgery (consumer key accepted for enterprise tokens)" },
  { key: "mailbox-access", order: 7, title: "Mailbox access (MailItemsAccessed by an unexpected AppId)" },
  { key: "detection", order: 8, title: "Detection (customer rule fires)" },
  { key: "response", order: 9, title: "Response and remediation (key revoked, validation fixed)" },
];

function span(events: KeyEvent[]): { start: string | null; end: string | null } {
  const times = events.map((e) => e.ts).sort();
  return { start: times[0] ?? null, end: times[times.length - 1] ?? null };
}

function step(
  id: string,
  stage: StageKey,
  title: string,
  events: KeyEvent[],
  extra: Partial<ChainStep> & Pick<ChainStep, "confidence" | "rationale">,
): ChainStep {
  const mine = events.filter((e) => e.stage === stage);
  const s = span(mine);
  const when: ChainStep["when"] = { ...s, precision: s.start === s.end ? "instant" : "window" };
  return {
    id,
    stage,
    title,
    when,
    inferred: false,
    confidenceHistory: [
      {
        asOf: "2023-07-14",
        ...extra.confidence,
        wording: "as logged",
        source: "scenario logs",
        publisher: "the logs",
        publishedOn: "2023-07-14",
      },
    ],
    evidence: mine.map((e) => e.ref),
    hypotheses: [],
    ...extra,
  };
}

export function buildChain(events: KeyEvent[]): ChainStep[] {
  const ts = (ref: string) => events.find((e) => e.ref === ref)?.ts ?? null;
  const firstForged = events
    .filter((e) => e.stage === "token-forgery")
    .map((e) => e.ts)
    .sort()[0];
  return [
    step("C1", "key-exposure", "Signing service crash writes a heap dump; key material in it is inferred", events, {
      inferred: true,
      confidence: { label: UNPROVEN.label, score: UNPROVEN.score },
      confidenceHistory: [MOST_PROBABLE, UNPROVEN, CSRB_NOT_PROVEN],
      hypotheses: ["H1"],
      rationale:
        "The crash and the dump are logged (1000, then 1001 naming memory.hdmp). That the dump held the 2016 key is an inference: no dump with the key was ever found.",
    }),
    step("C2", "transfer-out", "Crash dump copied to the debugging environment by the transfer account", events, {
      confidence: { label: "confirmed", score: 90 },
      hypotheses: ["H1"],
      rationale:
        "5145 WriteData by the transfer service account 37 minutes after the crash, on the same report folder; whether the copy carried the key rests on C1.",
    }),
    step("C3", "detection-failure", "Credential scan reads the dump and reports nothing", events, {
      confidence: { label: "confirmed", score: 90 },
      hypotheses: ["H1"],
      rationale: "The scanner's run log shows the dump scanned with findings 0; it missed the key only if C1 holds.",
    }),
    step("C4", "account-compromise", "Engineer account token captured and replayed from unfamiliar infrastructure", events, {
      confidence: { label: "confirmed", score: 90 },
      rationale:
        "Non-interactive sign-ins from another country and ASN reuse token identifiers of the engineer's own earlier sessions; SharePoint searches from the same address target signing keys, identity and Azure service management (CSRB: confirmed event).",
    }),
    {
      ...step("C5", "key-acquisition", "2016 MSA signing key acquired by the actor", events, {
        inferred: true,
        confidence: { label: UNPROVEN.label, score: UNPROVEN.score },
        confidenceHistory: [MOST_PROBABLE, UNPROVEN, CSRB_NOT_PROVEN],
        hypotheses: HYPOTHESES.map((h) => h.id),
        rationale:
          "No log shows the key leaving: the debugging environment's logs end at their retention boundary and egress was not collected. The engineer account opening the dump from an unfamiliar address is consistent with H1 but proves no extraction.",
      }),
      when: {
        start: ts("transfer.write-dump"),
        end: firstForged ?? null,
        precision: "unknown",
        note: "some time between the dump's arrival and the first forged token; the exact time is unknown",
      },
    },
    step("C6", "token-forgery", "Tokens signed with the consumer key accepted for enterprise tenants", events, {
      confidence: { label: "confirmed", score: 95 },
      rationale: `Validation records accept kid ${KEY_2016.kid} (scoped to the consumer issuer) for enterprise tenants, issuer_scope_match false, and renew through GetAccessTokenForResource.`,
    }),
    step("C7", "mailbox-access", "Victim mailboxes read with forged tokens", events, {
      confidence: { label: "confirmed", score: 95 },
      rationale: `MailItemsAccessed binds by an AppId no Outlook client uses, ClientInfoString ${ACTOR_CLIENT_INFO}, from the IOC addresses; 15 May 2023 is a lower bound (30-day retention).`,
    }),
    step("C8", "detection", "Customer SIEM rule on MailItemsAccessed AppId fires", events, {
      confidence: { label: "confirmed", score: 100 },
      rationale:
        "The detecting agency's baseline of Outlook AppIds flags the actor's AppId on 16 June 2023 (CISA AA23-193A; CSRB p.1, p.9).",
    }),
    step("C9", "response", "Key blocked, replaced and revoked; renewal path closed", events, {
      confidence: { label: "confirmed", score: 100 },
      rationale: "Change log 26 June – 4 July 2023; validation records reject the kid after each fix.",
    }),
  ];
}

export function buildGaps(): Gap[] {
  return [
    {
      id: "G1",
      scope: "debugging environment (file server Security log, credential scanner)",
      files: ["debug-share-security.jsonl", "credential-scanner.jsonl"],
      start: DEBUG_RETENTION.retainedUntil,
      end: DEBUG_RETENTION.soughtAt,
      reason: "retention",
      declared: true,
      note: "Only a 180-day window of these logs survives; by the 2023 investigation everything later had been overwritten. The key's exfiltration, if it happened here, left no log.",
      retention: {
        retentionDays: DEBUG_RETENTION.retentionDays,
        retainedFrom: DEBUG_RETENTION.retainedFrom,
        retainedUntil: DEBUG_RETENTION.retainedUntil,
      },
    },
    {
      id: "G2",
      scope: "mailbox audit and token validation before 15 May 2023",
      files: ["ual-mailitemsaccessed-2023.json", "token-validation-2023.jsonl"],
      start: "2023-04-15T00:00:00Z",
      end: MAILBOX_LOG_FROM,
      reason: "retention",
      declared: true,
      note: "30-day retention: 15 May 2023 is a lower bound for the first mailbox access, which may be earlier still (CSRB p.3).",
      retention: { retentionDays: 30, retainedFrom: MAILBOX_LOG_FROM, retainedUntil: "2023-07-10T00:00:00Z" },
    },
    {
      id: "G3",
      scope: "corporate network egress (no proxy or flow logs collected)",
      files: [],
      start: DUMP_ARRIVES,
      end: MAILBOX_LOG_FROM,
      reason: "not-collected",
      declared: true,
      note: "Nothing records data leaving the corporate network between the dump's arrival and the first forged token.",
    },
  ];
}

export function buildAnswerKey(seed: number, noise: number, results: FileResult[]): AnswerKey {
  const events = results.flatMap((r) => r.keys).sort((a, b) => a.ts.localeCompare(b.ts) || a.file.localeCompare(b.file) || a.line - b.line);
  return {
    scenario: "storm-0558",
    version: 1,
    seed,
    noise,
    disclaimer:
      "A synthetic exercise built on the public record of Storm-0558. People, tenants, hosts, addresses (other than the published IOCs), app ids and exact times are invented; dates, stages, the key id and the detection logic follow the cited sources.",
    stages: STAGES,
    events,
    chain: buildChain(events),
    hypotheses: HYPOTHESES,
    gaps: buildGaps(),
    counts: results.map((r) => ({
      file: r.file,
      format: r.format,
      lines: r.lines,
      records: r.records,
      storyRecords: r.storyRecords,
      backgroundRecords: r.backgroundRecords,
      firstEventAt: r.first === null ? null : iso(r.first, 6),
      lastEventAt: r.last === null ? null : iso(r.last, 6),
      sha256: r.sha256,
    })),
    publicRecord: {
      facts: [
        {
          fact: "signing-system crash",
          value: DATES.crashMonth,
          source: SOURCES.msrc0906,
          note: "month only; the day in the scenario is invented",
        },
        {
          fact: "2016 key certificate",
          value: `${KEY_2016.notBefore} to ${KEY_2016.notAfter}`,
          source: "computed from public JWKS copies (storm-0558.md §1)",
        },
        { fact: "engineer account compromise", value: "2021-04/2021-08", source: `${SOURCES.csrb} p.5, p.7` },
        { fact: "first mailbox access (lower bound)", value: DATES.firstMailboxAccess, source: `${SOURCES.msrc0711}; ${SOURCES.csrb} p.3` },
        { fact: "Commerce-like victim first accessed", value: DATES.commerceFirstAccess, source: `${SOURCES.csrb} p.11` },
        { fact: "SOC notices anomalies", value: DATES.socAnomaly, source: `${SOURCES.csrb} p.1` },
        { fact: "detection (Big Yellow Taxi alert)", value: DATES.detection, source: `${SOURCES.csrb} p.1, p.9; ${SOURCES.cisa}` },
        { fact: "GetAccessTokenForResource renewal blocked", value: DATES.renewalBlocked, source: SOURCES.msti },
        { fact: "last actor infrastructure stood down", value: DATES.infraDown, source: SOURCES.msti },
        { fact: "public disclosure", value: DATES.disclosure, source: SOURCES.msrc0711 },
        { fact: "key theft called most probable", value: DATES.msrcMostProbable, source: SOURCES.msrc0906 },
        { fact: "key theft reduced to a leading hypothesis", value: DATES.msrcAddendum, source: SOURCES.msrc0906 },
        { fact: "key-theft hypotheses pursued", value: "46", source: `${SOURCES.csrb} p.5` },
        { fact: "actor AppId", value: "not published", source: SOURCES.cisa, note: `the scenario uses ${ACTOR_APP.appId}` },
      ],
      keyRevocationDates: [
        { date: "2023-06-24", claim: "Microsoft invalidates the stolen key", source: `${SOURCES.csrb} p.3` },
        { date: DATES.owaKeyBlocked, claim: "tokens signed by the key blocked in OWA; caches cleared", source: SOURCES.msti },
        { date: DATES.keyReplaced, claim: "key replacement complete; all active MSA signing keys revoked", source: SOURCES.msti },
        { date: "2023-06-27/2023-07-05", claim: "key removed from the published JWKS", source: SOURCES.wiz },
        { date: DATES.consumerBlocked, claim: "key blocked for impacted consumer customers", source: SOURCES.msti },
      ],
      iocIps: [IOC_IPS.first, IOC_IPS.second],
      kid: KEY_2016.kid,
      thumbprint: KEY_2016.thumbprint,
      userAgent: ACTOR_CLIENT_INFO,
    },
    invented: [
      "every person, tenant, host, share, path and address except the two IOC addresses",
      "the crash day (20 Apr 2021) and every time of day",
      `the actor's AppId ${ACTOR_APP.appId} and ClientAppId ${ACTOR_APP.clientAppId}`,
      "the engineer account reading the dump from an unfamiliar address (the public record has no such log)",
      "the credential scanner's log shape and the change-log shape",
      "the 180-day retention window of the debugging environment",
      "hypotheses H6 and H7",
    ],
  };
}

export function buildManifest(seed: number, noise: number, results: FileResult[]): Manifest {
  const debugFiles = new Set(["debug-share-security.jsonl", "credential-scanner.jsonl"]);
  const recentFiles = new Set(["ual-mailitemsaccessed-2023.json", "token-validation-2023.jsonl"]);
  return {
    scenario: "storm-0558",
    seed,
    noise,
    files: results.map((r) => ({
      path: r.file,
      format: r.format,
      description: r.description,
      sha256: r.sha256,
      lines: r.lines,
      records: r.records,
      timeZone: "UTC",
      order: r.order,
      ...(debugFiles.has(r.file)
        ? {
            retention: {
              retentionDays: DEBUG_RETENTION.retentionDays,
              retainedFrom: DEBUG_RETENTION.retainedFrom,
              retainedUntil: DEBUG_RETENTION.retainedUntil,
              reason: "retention" as const,
              note: "the only surviving copy of the debugging environment's rolling log",
            },
          }
        : recentFiles.has(r.file)
          ? {
              retention: {
                retentionDays: 30,
                retainedFrom: MAILBOX_LOG_FROM,
                retainedUntil: "2023-07-10T00:00:00Z",
                reason: "retention" as const,
                note: "30-day retention at collection: nothing earlier survives",
              },
            }
          : {}),
    })),
  };
}
