import { type CanonicalColumn, col, type FieldRef } from "../predicate";

/**
 * Where a Sigma field name is read in our events. Events keep the imported record in `raw` with
 * its own field names, so the default is the raw field of that name (a dotted name is a path).
 * The same Windows field sits at a different path in each export format, so a name can map to
 * several places; a test on the field matches when it holds at any of them.
 */

/** What the rule's logsource says, lower-cased: some names mean different things per product. */
export type FieldContext = { product?: string; service?: string; category?: string };

const rawPath = (...path: string[]): FieldRef => ({ kind: "raw", path });
const column = (c: CanonicalColumn): FieldRef => col(c);

/**
 * A Windows EventData value, as each Windows format keeps it: flattened JSON (NXLog, Security-
 * Datasets), Winlogbeat, the XML parser's EventData and evtx_dump's Event.EventData. EvtxECmd
 * keeps EventData as text in Payload: the importer parses it into the event's fields, which a raw
 * reference reads first (compile-sql), so the top-level name finds it there.
 */
export function windowsDataRefs(name: string): FieldRef[] {
  return [rawPath(name), rawPath("winlog", "event_data", name), rawPath("EventData", name), rawPath("Event", "EventData", name)];
}

/** A field of the Windows System element, in every Windows format. */
function windowsSystemRefs(name: string, winlogbeat: string, evtxEcmd = name): FieldRef[] {
  const refs = [
    rawPath(name),
    rawPath("winlog", winlogbeat),
    rawPath("System", name),
    rawPath("System", name, "#text"),
    rawPath("Event", "System", name),
    rawPath("Event", "System", name, "#text"),
  ];
  return evtxEcmd === name ? refs : [...refs, rawPath(evtxEcmd)];
}

/** The M365 audit record's own field: top level (JSON exports, OfficeActivity) or in a CSV row's AuditData. */
const m365Refs = (name: string): FieldRef[] => [rawPath(name), rawPath("AuditData_parsed", name)];

const withColumn = (c: CanonicalColumn, refs: FieldRef[]): FieldRef[] => [column(c), ...refs];

type Mapper = (ctx: FieldContext) => FieldRef[];

const eventData =
  (name: string): Mapper =>
  () =>
    windowsDataRefs(name);

/** Process fields: Security 4688 names them differently from Sysmon 1 (the process_creation pair). */
const processField =
  (name: string, security4688: string): Mapper =>
  (ctx) =>
    ctx.category === "process_creation" ? [...windowsDataRefs(name), ...windowsDataRefs(security4688)] : windowsDataRefs(name);

const ipField =
  (c: "src_ip" | "dst_ip", name: string): Mapper =>
  () =>
    withColumn(c, windowsDataRefs(name));

/** Keyed by lower-cased Sigma name (a Map, so "constructor" is just a field); others fall back to defaultRefs. */
const KNOWN = new Map<string, Mapper>(
  Object.entries({
    eventid: () => windowsSystemRefs("EventID", "event_id", "EventId"),
    channel: () => withColumn("category", windowsSystemRefs("Channel", "channel")),
    provider_name: () => [
      rawPath("Provider_Name"),
      rawPath("SourceName"),
      rawPath("winlog", "provider_name"),
      rawPath("System", "Provider", "@Name"),
      rawPath("Event", "System", "Provider", "#attributes", "Name"),
      rawPath("Provider"),
    ],
    computer: () => [column("host")],
    computername: () => [column("host")],
    hostname: () => [column("host")],
    // Sysmon's User is "DOMAIN\user"; the actor column holds it as user@DOMAIN for other sources.
    user: () => withColumn("actor", windowsDataRefs("User")),
    subjectusername: eventData("SubjectUserName"),
    targetusername: eventData("TargetUserName"),
    image: processField("Image", "NewProcessName"),
    parentimage: processField("ParentImage", "ParentProcessName"),
    targetimage: eventData("TargetImage"),
    sourceimage: eventData("SourceImage"),
    commandline: eventData("CommandLine"),
    grantedaccess: eventData("GrantedAccess"),
    sharename: eventData("ShareName"),
    relativetargetname: eventData("RelativeTargetName"),
    ipaddress: ipField("src_ip", "IpAddress"),
    sourceip: ipField("src_ip", "SourceIp"),
    sourceaddress: ipField("src_ip", "SourceAddress"),
    src_ip: () => [column("src_ip"), rawPath("src_ip")],
    destinationip: ipField("dst_ip", "DestinationIp"),
    destaddress: ipField("dst_ip", "DestAddress"),
    dst_ip: () => [column("dst_ip"), rawPath("dst_ip")],
    // M365 UAL: ClientIP carries a port ("203.0.113.7:17362"); the src_ip column holds the bare address.
    clientip: () => withColumn("src_ip", m365Refs("ClientIP")),
    // UAL JSON says Operation; the Purview / Search-UnifiedAuditLog CSV columns say Operations.
    operation: () => [...m365Refs("Operation"), rawPath("Operations")],
    operations: () => [...m365Refs("Operation"), rawPath("Operations")],
    workload: () => [...m365Refs("Workload"), rawPath("OfficeWorkload")],
    userid: () => [...m365Refs("UserId"), rawPath("UserIds")],
    // CloudTrail keeps its own names at the top level.
    eventname: () => [rawPath("eventName")],
    eventsource: () => [rawPath("eventSource")],
    sourceipaddress: () => [column("src_ip"), rawPath("sourceIPAddress")],
  } satisfies Record<string, Mapper>),
);

function defaultRefs(name: string, ctx: FieldContext): FieldRef[] {
  // Zeek's own field names have dots in them ("id.orig_h") and sit at the top level.
  if (ctx.product === "zeek") return [rawPath(name)];
  const dotted = name.includes(".") ? [rawPath(...name.split("."))] : [];
  if (dotted.length > 0) return dotted;
  if (ctx.product === "windows") return windowsDataRefs(name);
  if (ctx.product === "m365") return m365Refs(name);
  return [rawPath(name)];
}

/** Every place a Sigma field may be read from; a match at any of them is a match. */
export function sigmaFieldRefs(name: string, ctx: FieldContext = {}): FieldRef[] {
  const known = KNOWN.get(name.toLowerCase());
  return known ? known(ctx) : defaultRefs(name, ctx);
}
