import { type Format, isObject, type Sample } from "../formats/format";
import type { WinEvent } from "./windows-event";
import { createJsonObjectsParser, sampleObjects } from "./windows-json-objects";
import { leafPaths, withMapping } from "./windows-mapping";
import { draftFromWinEvent } from "./windows-semantics";
import { userDataFields } from "./windows-xml-raw";

// omerbenamram's evtx_dump: each record is {"Event": {...}} with attributes under "#attributes" and
// text beside them under "#text"; `-o jsonl` writes one a line, `-o json` pretty prints each after a
// "Record <n>" line. Values keep their binary-XML types (EventID and EventRecordID are numbers).

const RECORD_HEADER = /^Record \d+$/;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (isObject(v) ? v : {});
const attrs = (v: unknown): Json => obj(obj(v)["#attributes"]);
const inner = (v: unknown): unknown => (isObject(v) ? v["#text"] : v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

/** Unnamed <Data>: {"Data": {"#text": ["a", "b"]}}, or one value; named ones are plain keys. */
function params(data: unknown): string[] {
  const values = inner(data);
  if (Array.isArray(values)) return values.map((d) => str(d) ?? "");
  const one = str(values);
  return one === undefined ? [] : [one];
}

export function winEventFromEvtxDump(raw: Json): WinEvent {
  const event = obj(raw.Event);
  const sys = obj(event.System);
  const eventData = obj(event.EventData);
  const { Data, "#attributes": _markup, ...named } = eventData;
  const id = Number(inner(sys.EventID));
  return {
    eventId: Number.isInteger(id) ? id : undefined,
    provider: str(attrs(sys.Provider).Name) ?? str(attrs(sys.Provider).EventSourceName),
    channel: str(inner(sys.Channel)),
    computer: str(inner(sys.Computer)),
    recordId: str(inner(sys.EventRecordID)),
    time: attrs(sys.TimeCreated).SystemTime,
    timeField: "Event.System.TimeCreated.#attributes.SystemTime",
    isZoneStated: false,
    data: { ...userDataFields(event.UserData), ...named },
    params: params(Data),
    message: undefined,
    keywords: str(inner(sys.Keywords)),
  };
}

function isEvtxDump(sample: Sample): boolean {
  const first = sampleObjects(sample, RECORD_HEADER, 1)[0];
  if (first) return isObject(first.Event) && isObject(first.Event.System);
  // A first record longer than the sample: the header and the opening lines still say what it is.
  const lines = sample.lines.filter((l) => l.trim() !== "");
  return RECORD_HEADER.test(lines[0]?.trim() ?? "") && lines[1]?.trim() === "{" && /^\s*"Event":\s*\{/.test(lines[2] ?? "");
}

export const evtxDumpFormat: Format = {
  name: "evtx-dump-json",
  label: "evtx_dump JSON (omerbenamram/evtx)",
  description:
    'evtx_dump -o jsonl (one {"Event":{…}} a line) or -o json (pretty printed, each after "Record <n>"); System, EventData and UserData are read.',
  example:
    '{"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Security-Auditing"}},"EventID":4624,"TimeCreated":{"#attributes":{"SystemTime":"2023-05-15T03:12:44.123456Z"}},"EventRecordID":1201,"Channel":"Security","Computer":"dc01.contoso.test"},"EventData":{"TargetUserName":"alice","TargetDomainName":"CONTOSO","LogonType":3,"IpAddress":"203.0.113.7"}}}',
  detect: (sample) => (isEvtxDump(sample) ? 96 : 0),
  createParser: () => createJsonObjectsParser({ header: RECORD_HEADER }),
  createMapper: (_sample, mapping) => withMapping((raw) => draftFromWinEvent(winEventFromEvtxDump(raw)), mapping),
  sampleFields: (sample) => leafPaths(sampleObjects(sample, RECORD_HEADER)),
};
