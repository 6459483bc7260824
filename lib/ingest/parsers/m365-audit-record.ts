import type { EventDraft } from "../canonical";
import { isObject } from "../formats/format";
import { cleanIp } from "../normalize";
import { describeMailAccess, describeMailItem, mailAccessOf } from "./m365-mail-access";
import { recordTypeName } from "./m365-record-types";
import { collectEntities, sameAccount } from "./ms-entities";
import { asJson, asText, clip, type Fields, nameValues } from "./ms-fields";
import { outcomeOfStatus } from "./ms-outcome";

/** Everything but the time, which each export carries in its own column. */
export type AuditDraft = Omit<EventDraft, "time" | "timeFormat" | "isZoneStated" | "timestampDesc">;

/**
 * Maps one Unified Audit Log record, in the Management Activity API's field names, each followed
 * by the name OfficeActivity (Log Analytics) gives it where it differs, so that an exact-name
 * reader is enough for every export (a loose one costs a key index per record).
 */
export function mapAuditRecord(f: Fields): AuditDraft {
  const operation = f.text("Operation", "Operations") ?? "(no operation)";
  const user = f.text("UserId", "UserIds");
  const mailbox = f.text("MailboxOwnerUPN");
  const objectId = f.text("ObjectId", "OfficeObjectId");
  const ipTexts = [f.text("ClientIP"), f.text("ClientIPAddress", "Client_IPAddress"), f.text("ActorIpAddress")];
  // ClientIP first; MailItemsAccessed often leaves it empty and fills only ClientIPAddress.
  const ipIndex = ipTexts.findIndex((v) => cleanIp(v) !== null);
  const srcIp = ipIndex === -1 ? undefined : ipTexts[ipIndex];
  const context = asJson(f.get("AppAccessContext"));
  const aac = isObject(context) ? context : {};
  const appId = f.text("AppId");
  const clientAppId = f.text("ClientAppId") ?? asText(aac.ClientAppId);
  const outcome = outcomeOfStatus(f.text("ResultStatus"));

  const e = collectEntities();
  e.add("mailbox", mailbox, "target");
  e.add("app", appId, "app");
  e.add("app", clientAppId, "client-app");
  e.add("app", asText(aac.ClientAppId), "client-app");
  e.add("app", f.text("ApplicationId"), "app");
  // Exchange's SessionId is the mailbox session; AADSessionId and UniqueTokenId are the sign-in
  // session and the token, the same values Entra's sign-in log gives: the join between the two logs.
  e.add("session", f.text("SessionId"), "session");
  e.add("session", asText(aac.AADSessionId), "aad-session");
  e.add("session", asText(aac.UniqueTokenId), "token");
  for (const ip of ipTexts) e.ip(ip, "src");
  // No tenant entity: OrganizationId is the audited tenant on every record, a link from each event
  // to one entity that would only cost rows (Entra sign-ins name the tenants that differ).
  if (objectId && /^https?:\/\//i.test(objectId)) e.add("url", objectId, "target");
  e.add("file", f.text("SourceFileName"), "target");
  const targetUser = f.text("TargetUserOrGroupName");
  if (targetUser?.includes("@")) e.add("account", targetUser, "target");

  return {
    message: messageOf(f, { operation, user, mailbox, objectId, srcIp, appId, clientAppId, outcome }),
    action: operation,
    category: f.text("Workload", "OfficeWorkload") ?? recordTypeName(f.text("RecordType")),
    outcome,
    actor: user,
    srcIp,
    target: mailbox ?? objectId ?? targetUser,
    nativeId: f.text("Id", "OfficeId", "SourceRecordId", "RecordId"),
    entities: e.refs,
  };
}

type Parts = {
  operation: string;
  user?: string;
  mailbox?: string;
  objectId?: string;
  srcIp?: string;
  appId?: string;
  clientAppId?: string;
  outcome?: string;
};

/** "MailItemsAccessed (Bind) on victim@… by app 0000… from 203.0.113.7 — 2 items in \Inbox", and the like. */
function messageOf(f: Fields, p: Parts): string {
  const ip = cleanIp(p.srcIp) ?? p.srcIp;
  const otherUser = p.user && !sameAccount(p.user, p.mailbox) ? p.user : undefined;
  const app = p.appId && p.clientAppId && p.appId !== p.clientAppId ? `${p.appId} (client ${p.clientAppId})` : (p.appId ?? p.clientAppId);
  let text: string;
  if (p.operation === "MailItemsAccessed") {
    const access = mailAccessOf(f);
    text = `${p.operation}${access.accessType ? ` (${access.accessType})` : ""}`;
    if (p.mailbox) text += ` on ${p.mailbox}`;
    if (otherUser || !p.mailbox) text += p.user ? ` by ${p.user}` : "";
    if (app) text += ` ${otherUser ? "via" : "by"} app ${app}`;
    else if (p.mailbox && p.user && !otherUser) text += " by its owner";
    if (ip) text += ` from ${ip}`;
    text += clientOf(f);
    text += describeMailAccess(access);
  } else {
    text = p.operation;
    if (p.user) text += ` by ${p.user}`;
    if (p.mailbox && otherUser) text += ` on mailbox ${p.mailbox}`;
    if (p.mailbox && app) text += ` via app ${app}`;
    if (ip) text += ` from ${ip}`;
    if (p.mailbox) text += clientOf(f);
    if (p.objectId && !p.mailbox) text += ` on ${clip(p.objectId, 200)}`;
    text += p.mailbox ? describeMailItem(f) : "";
    text += describeParameters(f);
  }
  if (p.outcome === "failure") {
    const why = f.text("LogonError", "ResultReasonType");
    text += ` — failed${why && why.toLowerCase() !== "failed" ? `: ${why}` : ""}`;
  }
  return text;
}

/** " (Client=REST;Client=RESTSystem)": the protocol part of ClientInfoString, without the browser's user agent. */
function clientOf(f: Fields): string {
  const info = f.text("ClientInfoString");
  const parts = info?.split(";").filter((s) => s.startsWith("Client=")) ?? [];
  return parts.length ? ` (${parts.join(";")})` : "";
}

// Parameters that say nothing about what a cmdlet did.
const NOISE = new Set(["AlwaysDeleteOutlookRulesBlob", "Force", "Confirm", "ErrorAction", "WarningAction"]);

/** An admin cmdlet's parameters (New-InboxRule's ForwardTo, DeleteMessage…): the point of the record. */
function describeParameters(f: Fields): string {
  const params = nameValues(f.get("Parameters"));
  const shown = [...params].filter(([name, value]) => value !== "" && !NOISE.has(name)).map(([name, value]) => `${name}=${value}`);
  return shown.length ? ` — ${clip(shown.join(", "), 300)}` : "";
}
