/**
 * What ties one piece of evidence to another: the entities two events share, folded so that the
 * spellings one thing gets across sources meet ("CORP\\alindqvist", "alindqvist@contoso.test"),
 * each with how far apart in time two events may be and still be tied by it. An address is
 * reassigned within days; a stolen key or a copied dump stays usable for years.
 */

export type TieKind = "account" | "ip" | "host" | "process" | "session" | "app" | "key" | "mailbox" | "file";

export type Tie = { key: string; kind: TieKind; label: string; boundMs: number };

const DAY = 86_400_000;

/** How long a shared entity of each kind still ties two events together. */
export const TIE_BOUND_MS: Readonly<Record<TieKind, number>> = {
  session: DAY,
  process: DAY,
  ip: 7 * DAY,
  host: 30 * DAY,
  account: 30 * DAY,
  mailbox: 30 * DAY,
  app: 90 * DAY,
  file: 365 * DAY,
  key: Number.POSITIVE_INFINITY,
};

/** Accounts every Windows or Linux host has: sharing one says nothing about an intruder. */
const COMMON_ACCOUNTS = new Set([
  "system",
  "local service",
  "localservice",
  "network service",
  "networkservice",
  "anonymous logon",
  "anonymous",
  "nobody",
  "n/a",
  "unknown",
  "-",
]);

/**
 * Windows images that always run as many processes at once (a host has dozens of svchost.exe): the
 * image names no one process, so sharing it ties nothing.
 */
const MANY_INSTANCE_IMAGE = /\\(svchost|conhost|dllhost|runtimebroker|taskhostw|wmiprvse|backgroundtaskhost|searchprotocolhost)\.exe$/i;

/** Roles in which an entity is shared infrastructure rather than something the actor used or touched. */
const SHARED_ROLES = new Set(["audience", "resource", "module", "key-issuer-tenant", "token-tenant"]);

/** Microsoft's first-party resource apps (Exchange, SharePoint, Graph …): every tenant's users reach them. */
const FIRST_PARTY_APP = /^0000000[0-9a-f]-0000-(0ff1-ce00|0000-c000)-000000000000$/i;

/** Addresses that name no one: loopback, unspecified, link-local. */
function isAnonymousAddress(ip: string): boolean {
  return ip === "::1" || ip === "::" || ip === "0.0.0.0" || ip.startsWith("127.") || ip.startsWith("169.254.") || /^fe80:/i.test(ip);
}

/** "CORP\\alindqvist", "alindqvist@contoso.test", "ALindqvist" → "alindqvist". */
export function foldAccount(value: string): string {
  return value.replace(/^.*\\/, "").replace(/@.*$/, "").trim().toLowerCase();
}

/** A path's segments, lower-cased, whatever its separators and prefixes (\\?\, \\server\share, C:). */
function segments(path: string): string[] {
  return path
    .toLowerCase()
    .replace(/^\\\\\?\\/, "")
    .split(/[\\/]+/)
    .filter((s) => s !== "");
}

/**
 * A file ties by its full path, and by its folder and name when the folder's name is distinctive
 * (a crash report's folder keeps its name when the folder is copied to another share).
 */
function fileKeys(value: string): string[] {
  const parts = segments(value);
  const keys = [parts.join("/")];
  const [parent, leaf] = parts.slice(-2);
  if (parent && leaf && parent.length >= 16 && /\d/.test(parent)) keys.push(`…/${parent}/${leaf}`);
  return keys;
}

const ENTITY_TIE_KINDS = new Set<string>(["account", "ip", "host", "process", "session", "app", "key", "mailbox", "file"]);

/** The ties an entity of an event gives it (none for kinds and values that tie nothing). */
export function tiesOf(kind: string, value: string, role: string, host: string | null): Tie[] {
  if (!ENTITY_TIE_KINDS.has(kind) || SHARED_ROLES.has(role)) return [];
  const k = kind as TieKind;
  const bound = TIE_BOUND_MS[k];
  const v = value.trim();
  if (v === "") return [];
  switch (k) {
    case "account":
    case "mailbox": {
      const folded = foldAccount(v);
      if (folded === "" || COMMON_ACCOUNTS.has(folded) || folded.endsWith("$")) return [];
      // A mailbox is its owner's account: the sign-in and the mail read meet on the person.
      return [{ key: `account:${folded}`, kind: k, label: v, boundMs: bound }];
    }
    case "ip":
      return isAnonymousAddress(v) ? [] : [{ key: `ip:${v.toLowerCase()}`, kind: k, label: v, boundMs: bound }];
    case "app":
      return FIRST_PARTY_APP.test(v) ? [] : [{ key: `app:${v.toLowerCase()}`, kind: k, label: v, boundMs: bound }];
    case "host": {
      // A host is named short or fully qualified by different logs.
      const short = v.toLowerCase().split(".")[0] ?? "";
      return short === "" || short === "localhost" ? [] : [{ key: `host:${short}`, kind: k, label: v, boundMs: bound }];
    }
    case "process":
      // An image path is on every host: it ties only on the same host.
      if (MANY_INSTANCE_IMAGE.test(v)) return [];
      return [{ key: `process:${v.toLowerCase()}@${(host ?? "").toLowerCase().split(".")[0]}`, kind: k, label: v, boundMs: bound }];
    case "file":
      return fileKeys(v).map((key) => ({ key: `file:${key}`, kind: k, label: v, boundMs: bound }));
    default:
      return [{ key: `${k}:${v}`, kind: k, label: v, boundMs: bound }];
  }
}
