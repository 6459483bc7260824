// ual-mailitemsaccessed-2023.json: MailItemsAccessed records (RecordType 50) of the victim
// organisations' tenants, as the Office 365 Management Activity API returns them: a JSON array of
// records, one a line, CreationTime in UTC without a zone. The story: from 15 May 2023, binds on
// victims' mailboxes by an AppId no Outlook client uses, ClientInfoString
// "Client=REST;Client=RESTSystem;;", from the actor's IOC addresses. Background: ordinary Outlook
// desktop, web and mobile access. The log reaches back only to 15 May (30-day retention).

import { MAILBOX_LOG_FROM, OUTLOOK_CLIENTS, VICTIMS, type Victim } from "./cast";
import { ACTOR_CLIENT_INFO } from "./facts";
import { type FileResult, type FileSpec, produce, type Rec } from "./output";
import { createRng, type Rng, stableHex, stableUuid } from "./random";
import { ACTOR, type ActorSession, type Bind, campaign } from "./story-2023";
import { at, backgroundTimes, iso, OFFICE_HOURS_US_EAST } from "./time";

export const SPEC: FileSpec = {
  file: "ual-mailitemsaccessed-2023.json",
  format: "m365-ual-json",
  description: "MailItemsAccessed audit records of the victim tenants, Office 365 Management Activity API JSON array (one record a line)",
  layout: { kind: "json-array", header: "[\n", footer: "]", tsDigits: 0 },
};

const WINDOW = { start: at(MAILBOX_LOG_FROM), end: at("2023-07-10T00:00:00Z") };
const SERVERS = ["BN8PR09MB3412", "SN6PR11MB2861", "DM6PR02MB5530", "CY4PR13MB1744", "PH0PR09MB7731"] as const;

type Access = {
  id: string;
  t: number;
  victim: Victim;
  upn: string;
  userKey: string;
  mailboxGuid: string;
  ip: string;
  appId: string;
  clientAppId: string;
  clientInfo: string;
  sessionId: string;
  accessType: "Bind" | "Sync";
  server: string;
  folders: { path: string; messageIds: string[] }[];
};

const orgName = (v: Victim) => `${v.domain.split(".")[0]?.replace(/-/g, "")}.onmicrosoft.test`;

function render(a: Access): string {
  const count = a.accessType === "Sync" ? a.folders.length : a.folders.reduce((n, f) => n + f.messageIds.length, 0);
  return JSON.stringify({
    CreationTime: iso(a.t, 0, false),
    Id: a.id,
    Operation: "MailItemsAccessed",
    OrganizationId: a.victim.tenantId,
    RecordType: 50,
    ResultStatus: "Succeeded",
    UserKey: a.userKey,
    UserType: 0,
    Version: 1,
    Workload: "Exchange",
    ClientIP: a.ip,
    UserId: a.upn,
    AppId: a.appId,
    ClientAppId: a.clientAppId,
    ClientIPAddress: a.ip,
    ClientInfoString: a.clientInfo,
    ExternalAccess: false,
    InternalLogonType: 0,
    LogonType: 0,
    MailboxGuid: a.mailboxGuid,
    MailboxOwnerUPN: a.upn,
    OperationProperties: [
      { Name: "MailAccessType", Value: a.accessType },
      { Name: "IsThrottled", Value: "False" },
    ],
    OrganizationName: orgName(a.victim),
    OriginatingServer: `${a.server} (15.20.6500.025)`,
    SessionId: a.sessionId,
    Folders: a.folders.map((f) => ({
      Id: `LgAAAAD${stableHex(`${a.mailboxGuid}${f.path}`, 24).toUpperCase()}AQ`,
      Path: f.path,
      ...(a.accessType === "Bind" ? { FolderItems: f.messageIds.map((m) => ({ InternetMessageId: m })) } : {}),
    })),
    OperationCount: count,
  });
}

const messageId = (server: string, hex: string) => `<${server}${hex.toUpperCase()}@${server}.namprd09.prod.outlook.com>`;

function storyAccess(s: ActorSession, b: Bind): Access {
  const server = SERVERS[b.id.charCodeAt(0) % SERVERS.length] ?? "BN8PR09MB3412";
  return {
    id: b.id,
    t: b.t,
    victim: s.victim,
    upn: s.upn,
    userKey: `1003${stableHex(`puid:${s.upn}`, 12).toUpperCase()}`,
    mailboxGuid: s.mailboxGuid,
    ip: s.ip,
    appId: ACTOR.appId,
    clientAppId: ACTOR.clientAppId,
    clientInfo: ACTOR_CLIENT_INFO,
    sessionId: s.sessionId,
    accessType: "Bind",
    server,
    folders: b.folders.map((f, i) => ({
      path: f.path,
      messageIds: Array.from({ length: f.items }, (_, k) => messageId(server, stableHex(`${b.id}:${i}:${k}`, 20))),
    })),
  };
}

function story(): Rec[] {
  return campaign().sessions.flatMap((s) =>
    s.binds.map((b, k) => {
      const a = storyAccess(s, b);
      return {
        t: b.t,
        key: {
          ref: `mail.${s.ref}.${k + 1}`,
          stage: "mailbox-access" as const,
          summary: `MailItemsAccessed (Bind) on ${s.upn} (${s.victim.org}) by unexpected AppId ${ACTOR.appId} from ${s.ip}`,
          nativeIdField: "Id",
          nativeId: b.id,
          match: {
            Operation: "MailItemsAccessed",
            MailboxOwnerUPN: s.upn,
            AppId: ACTOR.appId,
            ClientInfoString: ACTOR_CLIENT_INFO,
            ClientIPAddress: s.ip,
          },
        },
        render: () => render(a),
      };
    }),
  );
}

const FOLDERS = ["\\Inbox", "\\Sent Items", "\\Calendar", "\\Drafts", "\\Archive", "\\Inbox\\Projects"] as const;
const TENANT_WEIGHTS = [40, 20, 15, 15, 10];

function* background(rng: Rng, budget: number): Generator<Rec> {
  const users = VICTIMS.map((v, vi) => {
    const extra = Array.from({ length: 30 }, (_, i) => `user${vi}${String(i).padStart(2, "0")}`);
    return [...v.mailboxes, ...extra].map((name) => {
      const upn = `${name}@${v.domain}`;
      return {
        victim: v,
        upn,
        userKey: `1003${stableHex(`puid:${upn}`, 12).toUpperCase()}`,
        mailboxGuid: stableUuid(`mailbox:${upn}`),
        egress: `198.51.100.${10 + vi * 20 + (nameHash(name) % 20)}`,
      };
    });
  });
  for (const t of backgroundTimes(rng, WINDOW.start, WINDOW.end, budget, OFFICE_HOURS_US_EAST)) {
    const pool = users[rng.weighted(TENANT_WEIGHTS.map((w, i) => [i, w] as const))] ?? [];
    const u = rng.pick(pool);
    const client = rng.weighted(OUTLOOK_CLIENTS.map((c) => [c, c.weight] as const));
    const accessType = rng.chance(0.15) ? "Sync" : "Bind";
    const server = rng.pick(SERVERS);
    const nFolders = rng.between(1, 2);
    const folders = Array.from({ length: nFolders }, (_, i) => ({
      path: FOLDERS[(rng.int(FOLDERS.length) + i) % FOLDERS.length] ?? "\\Inbox",
      messageIds: accessType === "Bind" ? Array.from({ length: rng.between(1, 4) }, () => messageId(server, rng.hex(20))) : [],
    }));
    const a: Access = {
      id: rng.uuid(),
      t,
      victim: u.victim,
      upn: u.upn,
      userKey: u.userKey,
      mailboxGuid: u.mailboxGuid,
      ip: rng.chance(0.2) ? `203.0.113.${rng.between(1, 254)}` : u.egress,
      appId: client.appId,
      clientAppId: client.appId,
      clientInfo: client.clientInfo,
      sessionId: rng.uuid(),
      accessType,
      server,
      folders: folders.filter((f, j) => folders.findIndex((g) => g.path === f.path) === j),
    };
    yield { t, render: () => render(a) };
  }
}

/** A stable small number from a name, to spread users over their tenant's egress addresses. */
function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h;
}

export async function writeUalMailItemsAccessed2023(dir: string, seed: number, budget: number): Promise<FileResult> {
  return produce(dir, SPEC, story(), background(createRng(seed, SPEC.file), budget));
}
