// sharepoint-ual-2021.csv: the engineer's SharePoint audit records in 2021 as Purview's audit
// search exports them: CreationDate,UserIds,Operations,AuditData (the record as JSON in one
// quoted cell), newest first, US-style dates in UTC, CRLF. The story: from the replay address,
// searches and file reads about signing keys, identity and Azure service management.

import { CORP_EGRESS, ENGINEER, HOME_ISP, PROVIDER, REPLAY_INFRA } from "./cast";
import { type FileResult, type FileSpec, produce, type Rec } from "./output";
import { createRng, type Rng, stableUuid } from "./random";
import { REPLAY_SESSIONS, SHAREPOINT_ACTIONS } from "./story-2021";
import { at, backgroundTimes, iso, MINUTE, OFFICE_HOURS_US_WEST, SECOND, usClock } from "./time";

export const SPEC: FileSpec = {
  file: "sharepoint-ual-2021.csv",
  format: "m365-ual-csv",
  description:
    "SharePoint audit records of the engineer account, Purview audit export CSV (CreationDate,UserIds,Operations,AuditData), newest first",
  layout: { kind: "lines", header: "CreationDate,UserIds,Operations,AuditData\r\n", descending: true, tsDigits: 0 },
};

const WINDOW = { start: at("2021-01-04T00:00:00Z"), end: at("2021-09-01T00:00:00Z") };
const USER_KEY = "i:0h.f|membership|10037ffea4c2b6d1@live.com";
const ENGINEER_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.93 Safari/537.36 Edg/90.0.818.51";
const REPLAY_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.85 Safari/537.36";

type Entry = { id: string; t: number; operation: string; ip: string; ua: string; path?: string; query?: string; correlationId: string };

const siteOf = (path: string) => /^\/sites\/[^/]+/.exec(path)?.[0] ?? "/sites/EngineeringHub";

function auditData(e: Entry): Record<string, unknown> {
  const common = {
    CreationTime: iso(e.t, 0, false),
    Id: e.id,
    Operation: e.operation,
    OrganizationId: PROVIDER.tenantId,
    RecordType: e.operation === "SearchQueryPerformed" ? 4 : 6,
    UserKey: USER_KEY,
    UserType: 0,
    Version: 1,
    Workload: "SharePoint",
    ClientIP: e.ip,
  };
  if (e.query !== undefined) {
    return {
      ...common,
      ObjectId: `${PROVIDER.sharepoint}/search/Pages/results.aspx`,
      UserId: ENGINEER.upn,
      CorrelationId: e.correlationId,
      EventSource: "SharePoint",
      ItemType: "Page",
      Site: stableUuid("site:root"),
      UserAgent: e.ua,
      QueryText: e.query,
      WebId: stableUuid("web:root"),
    };
  }
  const path = e.path ?? "/sites/EngineeringHub/Shared Documents/readme.docx";
  const site = siteOf(path);
  const file = path.slice(path.lastIndexOf("/") + 1);
  return {
    ...common,
    ObjectId: `${PROVIDER.sharepoint}${path}`,
    UserId: ENGINEER.upn,
    CorrelationId: e.correlationId,
    EventSource: "SharePoint",
    ItemType: "File",
    ListId: stableUuid(`list:${site}`),
    ListItemUniqueId: stableUuid(`item:${path}`),
    Site: stableUuid(`site:${site}`),
    UserAgent: e.ua,
    WebId: stableUuid(`web:${site}`),
    SourceFileExtension: file.slice(file.lastIndexOf(".") + 1),
    SiteUrl: `${PROVIDER.sharepoint}${site}/`,
    SourceFileName: file,
    SourceRelativeUrl: path.slice(site.length + 1, path.lastIndexOf("/")),
  };
}

function row(e: Entry): string {
  const cell = JSON.stringify(auditData(e)).replace(/"/g, '""');
  return `${usClock(e.t)},${ENGINEER.upn},${e.operation},"${cell}"\r\n`;
}

function story(): Rec[] {
  return SHAREPOINT_ACTIONS.map(([session, minutes, operation, target], i) => {
    const s = REPLAY_SESSIONS[session];
    if (!s) throw new Error(`no replay session ${session}`);
    const ref = `sharepoint.${i + 1}`;
    const e: Entry = {
      id: stableUuid(`ual2021:${ref}`),
      t: at(s.at) + minutes * MINUTE + ((i * 17) % 50) * SECOND,
      operation,
      ip: REPLAY_INFRA.ip,
      ua: REPLAY_UA,
      correlationId: stableUuid(`ual2021:${ref}:corr`),
      ...(operation === "SearchQueryPerformed" ? { query: target } : { path: target }),
    };
    return {
      t: e.t,
      key: {
        ref,
        stage: "account-compromise" as const,
        summary:
          operation === "SearchQueryPerformed"
            ? `SharePoint search from the replay address: "${target}"`
            : `SharePoint file read from the replay address: ${target}`,
        nativeIdField: "AuditData.Id",
        nativeId: e.id,
        match: {
          Operations: operation,
          UserIds: ENGINEER.upn,
          "AuditData.ClientIP": REPLAY_INFRA.ip,
          ...(e.query ? { "AuditData.QueryText": target } : { "AuditData.ObjectId": `${PROVIDER.sharepoint}${target}` }),
        },
      },
      render: () => row(e),
    };
  });
}

const SITES = ["/sites/MSA-Engineering", "/sites/EngineeringHub", "/sites/IdentityPlatform", "/sites/OnCall"] as const;
const FOLDERS = ["Shared Documents", "Shared Documents/Design", "Shared Documents/Specs", "Shared Documents/Postmortems"] as const;
const WORDS = [
  "Sprint",
  "Design",
  "Review",
  "Oncall",
  "Handoff",
  "Latency",
  "Capacity",
  "Rollout",
  "Retro",
  "Backlog",
  "Telemetry",
  "Runbook",
] as const;
const EXTS = ["docx", "xlsx", "pptx", "md", "vsdx"] as const;
const QUERIES = [
  "sprint planning",
  "oncall rotation",
  "build pipeline",
  "design review template",
  "latency dashboard",
  "offsite agenda",
  "perf review",
] as const;
const OPS = [
  ["FileAccessed", 45],
  ["FilePreviewed", 15],
  ["FileModified", 14],
  ["PageViewed", 10],
  ["FileDownloaded", 8],
  ["SearchQueryPerformed", 8],
] as const;

function* background(rng: Rng, budget: number): Generator<Rec> {
  for (const t of backgroundTimes(rng, WINDOW.start, WINDOW.end, budget, OFFICE_HOURS_US_WEST, true)) {
    const operation = rng.weighted(OPS);
    const ip = rng.chance(0.12) ? HOME_ISP.ip : rng.pick(CORP_EGRESS).ip;
    const name = `${rng.pick(WORDS)}-${rng.pick(WORDS)}-${rng.between(1, 400)}.${rng.pick(EXTS)}`;
    const e: Entry = {
      id: rng.uuid(),
      t,
      operation,
      ip,
      ua: ENGINEER_UA,
      correlationId: rng.uuid(),
      ...(operation === "SearchQueryPerformed"
        ? { query: rng.pick(QUERIES) }
        : { path: `${rng.pick(SITES)}/${rng.pick(FOLDERS)}/${name}` }),
    };
    yield { t, render: () => row(e) };
  }
}

export async function writeSharepointUal2021(dir: string, seed: number, budget: number): Promise<FileResult> {
  return produce(dir, SPEC, story(), background(createRng(seed, SPEC.file), budget));
}
