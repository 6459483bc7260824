import type { EntityRef, EventDraft } from "../canonical";

/**
 * One Windows event as every export format presents it, once the format's own envelope is
 * read: the System fields, the EventData (or UserData) values by name, and the unnamed values
 * in order. The event semantics (windows-security, windows-sysmon, windows-wer) read only this,
 * so each event is described the same way whichever tool exported it.
 */
export type WinEvent = {
  eventId: number | undefined;
  provider: string | undefined;
  channel: string | undefined;
  computer: string | undefined;
  recordId: string | undefined;
  /** The time as found, where it was found (for the error when it is missing), and whether the format states its zone when the text does not. */
  time: unknown;
  timeField: string;
  isZoneStated: boolean;
  /** Named EventData / UserData values; values may be strings, numbers or (rarely) arrays. */
  data: Readonly<Record<string, unknown>>;
  /** Unnamed EventData values (<Data> without Name, Winlogbeat's param1…), in order. */
  params: readonly string[];
  /** The rendered message, when the export carries one. */
  message: string | undefined;
  /** A tool's own one-line description and details (EvtxECmd's MapDescription and PayloadData). */
  title?: string;
  summary?: string;
  /** Audit keywords as text ("Audit Failure", "0x8010000000000000"), for the outcome. */
  keywords: string | undefined;
};

/** What an event's semantics add to the common fields. */
export type Semantics = Omit<EventDraft, "time" | "timeFormat" | "isZoneStated" | "nativeId" | "host" | "category">;

/** A value as text, or undefined when absent, empty or Windows' "-" placeholder. */
export function text(v: unknown): string | undefined {
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v !== "string") return undefined;
  return v.trim() === "" || v.trim() === "-" ? undefined : v;
}

/** A named EventData value as text. */
export function field(ev: WinEvent, name: string): string | undefined {
  return text(ev.data[name]);
}

/**
 * One account spelling for every source, user@DOMAIN, so the same account links across Security
 * events (TargetUserName + TargetDomainName) and Sysmon (User "DOMAIN\user").
 */
export function account(user: string | undefined, domain?: string): string | undefined {
  const u = user?.trim();
  if (!u || u === "-") return undefined;
  const slash = u.indexOf("\\");
  if (slash > 0 && !u.includes("@")) return `${u.slice(slash + 1)}@${u.slice(0, slash)}`;
  const d = domain?.trim();
  return d && d !== "-" && !u.includes("@") ? `${u}@${d}` : u;
}

/** The last path segment: "C:\Windows\System32\lsass.exe" → "lsass.exe". */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("\\"), path.lastIndexOf("/")) + 1) || path;
}

/** Logon sessions that every SYSTEM or service event shares: linking on them links everything. */
const SHARED_LOGON_IDS = new Set(["0x0", "0x3e7", "0x3e4", "0x3e5"]);

/** A logon session (computer + logon id) as an entity, so a logon chains to what its session did. */
export function sessionEntity(ev: WinEvent, logonId: string | undefined, role: string): EntityRef[] {
  const id = logonId?.trim().toLowerCase();
  if (!id || SHARED_LOGON_IDS.has(id) || !ev.computer) return [];
  return [{ kind: "session", value: `${ev.computer.toLowerCase()}/${id}`, role }];
}

/** "success"/"failure" from the audit keywords, when the event's own semantics do not say. */
export function outcomeFromKeywords(keywords: string | undefined): string | undefined {
  if (!keywords) return undefined;
  if (/audit.?failure|0x8010000000000000/i.test(keywords)) return "failure";
  if (/audit.?success|0x8020000000000000/i.test(keywords)) return "success";
  return undefined;
}

/** The first line of a rendered message, without its final period: "A process has exited". */
export function messageTitle(message: string | undefined): string | undefined {
  const first = message?.split(/\r?\n/, 1)[0]?.trim().replace(/[.:]$/, "");
  return first || undefined;
}

/** The value after a label in a rendered message ("Account Name:\twardog"), for exports that lost EventData. */
export function messageField(message: string | undefined, label: string): string | undefined {
  if (!message) return undefined;
  const m = new RegExp(`(?:^|\\n)[\\t ]*${label}:[\\t ]*([^\\r\\n]*)`).exec(message);
  return text(m?.[1]?.trim());
}

/**
 * A record's EventData by name as the event's parsed fields (with its event id), for the exports
 * that carry the event as text (EvtxECmd's Payload, Sysmon for Linux's XML in SyslogMessage): rules
 * read Image, CommandLine, TargetFilename … from them, while raw keeps the record as imported.
 */
export function winEventFields(ev: WinEvent): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (ev.eventId !== undefined) out.EventID = String(ev.eventId);
  for (const [name, value] of Object.entries(ev.data)) {
    if (typeof value === "string" || typeof value === "number") out[name] = String(value);
  }
  return Object.keys(out).length > 1 ? out : undefined;
}
