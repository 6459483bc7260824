import { type Format, isObject, type Sample } from "../formats/format";
import type { WinEvent } from "./windows-event";
import { createJsonObjectsParser, sampleObjects } from "./windows-json-objects";
import { leafPaths, withMapping } from "./windows-mapping";
import { draftFromWinEvent } from "./windows-semantics";
import { userDataFields } from "./windows-xml-raw";

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (isObject(v) ? v : {});
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
const eventIdOf = (v: unknown): number | undefined => {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
};

/** An Elasticsearch hit ({"_index":…,"_source":{…}}) holds the Winlogbeat document in _source. */
const documentOf = (raw: Json): Json => (isObject(raw._source) && isObject(raw._source.winlog) ? raw._source : raw);

/** Winlogbeat names unnamed <Data> param1, param2…: back to a list, in order. */
function paramList(eventData: Json): string[] {
  return Object.keys(eventData)
    .filter((k) => /^param\d+$/.test(k))
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))
    .map((k) => str(eventData[k]) ?? "");
}

/** Winlogbeat / Elastic Agent (ECS): winlog.* holds the event, @timestamp its time in UTC. */
export function winEventFromWinlogbeat(raw: Json): WinEvent {
  const doc = documentOf(raw);
  const w = obj(doc.winlog);
  const eventData = obj(w.event_data);
  const keywords = w.keywords;
  return {
    eventId: eventIdOf(w.event_id) ?? eventIdOf(obj(doc.event).code),
    provider: str(w.provider_name),
    channel: str(w.channel),
    computer: str(w.computer_name) ?? str(obj(doc.host).name),
    recordId: str(w.record_id)?.trim() || undefined,
    time: doc["@timestamp"],
    timeField: "@timestamp",
    isZoneStated: false,
    data: { ...userDataFields(w.user_data), ...eventData },
    params: paramList(eventData),
    message: str(doc.message),
    keywords: Array.isArray(keywords) ? keywords.join(" ") : str(keywords),
  };
}

const FLAT_TIME_KEYS = ["TimeCreated", "EventTime", "TimeGenerated", "@timestamp"];
const FLAT_HOST_KEYS = ["Hostname", "Computer", "computer_name", "ComputerName"];

/**
 * Logstash / NXLog-flattened events (OTRF Security-Datasets, Mordor): EventData at the top level beside
 * EventID, Channel, Hostname, SourceName and Message. TimeCreated carries no zone: it is read in the
 * import's zone and recorded as assumed.
 */
export function winEventFromFlat(raw: Json): WinEvent {
  const timeKey = FLAT_TIME_KEYS.find((k) => raw[k] !== undefined && raw[k] !== "");
  const hostKey = FLAT_HOST_KEYS.find((k) => typeof raw[k] === "string");
  return {
    eventId: eventIdOf(raw.EventID),
    provider: str(raw.SourceName) ?? str(raw.ProviderName) ?? str(raw.Provider),
    channel: str(raw.Channel),
    computer: hostKey ? str(raw[hostKey]) : undefined,
    recordId: (str(raw.EventRecordID) ?? str(raw.RecordNumber))?.trim() || undefined,
    time: timeKey ? raw[timeKey] : undefined,
    timeField: timeKey ?? FLAT_TIME_KEYS.join("/"),
    isZoneStated: false,
    data: raw,
    params: [],
    message: str(raw.Message),
    // NXLog writes Keywords as a (signed) number and the audit result in EventType (AUDIT_FAILURE).
    keywords: [str(raw.Keywords), str(raw.EventType)].filter(Boolean).join(" ") || undefined,
  };
}

const objects = (sample: Sample) => sampleObjects(sample);

function isWinlogbeat(o: Json): boolean {
  const w = documentOf(o).winlog;
  return isObject(w) && (w.event_id !== undefined || w.channel !== undefined);
}

function isFlat(o: Json): boolean {
  return (
    eventIdOf(o.EventID) !== undefined &&
    typeof o.Channel === "string" &&
    FLAT_HOST_KEYS.some((k) => typeof o[k] === "string") &&
    FLAT_TIME_KEYS.some((k) => o[k] !== undefined) &&
    !("winlog" in o) &&
    !("Event" in o)
  );
}

export const winlogbeatFormat: Format = {
  name: "winlogbeat-json",
  label: "Winlogbeat / Elastic Agent JSON (winlog.*)",
  description:
    "Windows events shipped by Winlogbeat or Elastic Agent, one document a line (an Elasticsearch _source wrapper is fine): @timestamp, winlog.event_id, winlog.channel, winlog.computer_name, winlog.record_id, winlog.event_data.",
  example:
    '{"@timestamp":"2023-05-15T03:12:44.123Z","message":"An account was successfully logged on.","event":{"code":"4624","provider":"Microsoft-Windows-Security-Auditing"},"winlog":{"channel":"Security","computer_name":"dc01.contoso.test","event_id":"4624","record_id":1201,"provider_name":"Microsoft-Windows-Security-Auditing","event_data":{"TargetUserName":"alice","TargetDomainName":"CONTOSO","LogonType":"3","IpAddress":"203.0.113.7"}}}',
  detect(sample) {
    const first = objects(sample)[0];
    return first && isWinlogbeat(first) ? 95 : 0;
  },
  createParser: () => createJsonObjectsParser(),
  createMapper: (_sample, mapping) => withMapping((raw) => draftFromWinEvent(winEventFromWinlogbeat(raw)), mapping),
  sampleFields: (sample) => leafPaths(objects(sample)),
};

export const windowsFlatJsonFormat: Format = {
  name: "windows-flat-json",
  label: "Windows events, flattened JSON (Logstash, NXLog, Security-Datasets)",
  description:
    "One event a line with EventData fields at the top level beside EventID, Channel, Hostname/Computer, SourceName, Message and TimeCreated (or EventTime/@timestamp); a time without a zone is read in the import's zone.",
  example:
    '{"TimeCreated":"2023-05-15 03:12:44.123","EventID":4624,"Channel":"Security","Hostname":"dc01.contoso.test","SourceName":"Microsoft-Windows-Security-Auditing","TargetUserName":"alice","TargetDomainName":"CONTOSO","LogonType":"3","IpAddress":"203.0.113.7","Message":"An account was successfully logged on."}',
  detect(sample) {
    const first = objects(sample)[0];
    return first && isFlat(first) ? 90 : 0;
  },
  createParser: () => createJsonObjectsParser(),
  createMapper: (_sample, mapping) => withMapping((raw) => draftFromWinEvent(winEventFromFlat(raw)), mapping),
  sampleFields: (sample) => leafPaths(objects(sample)),
};
