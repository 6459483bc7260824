import { isObject } from "../formats/format";
import type { WinEvent } from "./windows-event";
import { localName, type XmlElement } from "./windows-xml-parse";

/*
 * The raw JSON of one XML event. Every element, attribute and value is kept:
 *
 *   {
 *     "@xmlns": "http://schemas.microsoft.com/win/2004/08/events/event",
 *     "System": {
 *       "Provider": { "@Name": "Microsoft-Windows-Security-Auditing", "@Guid": "{54849625-…}" },
 *       "EventID": "4624",                       // or { "@Qualifiers": "0", "#text": "1000" }
 *       "Version": "2", "Level": "0", "Task": "12544", "Opcode": "0", "Keywords": "0x8020000000000000",
 *       "TimeCreated": { "@SystemTime": "2023-05-15T03:12:44.1234567Z" },
 *       "EventRecordID": "1234",
 *       "Correlation": { "@ActivityID": "{…}" },   // "" when the element is empty
 *       "Execution": { "@ProcessID": "636", "@ThreadID": "1184" },
 *       "Channel": "Security", "Computer": "dc01.contoso.test",
 *       "Security": { "@UserID": "S-1-5-18" }
 *     },
 *     "EventData": { "SubjectUserSid": "S-1-5-18", "LogonType": "3", …,   // <Data Name="…">
 *                    "Data": ["…", "…"],                                   // unnamed <Data>, in order
 *                    "Binary": "…" },
 *     "UserData": { "LogFileCleared": { "@xmlns": "…", "SubjectUserName": "alice", … } },
 *     "RenderingInfo": { "@Culture": "en-US", "Message": "…", "Level": "Information",
 *                        "Keywords": { "Keyword": "Audit Success" } }
 *   }
 *
 * The rule, for any element: attributes become "@name" keys; an element with only text is its
 * text (decoded, whitespace kept); one with attributes or child elements is an object, its text
 * under "#text"; a child name seen twice becomes an array. <EventData> is the one special case:
 * <Data Name="X">v</Data> becomes "X": "v", so fields read like the event's own schema.
 */
export function xmlEventToRaw(el: XmlElement): Record<string, unknown> {
  const out = convert(el);
  return isObject(out) ? out : { "#text": out };
}

const textOf = (el: XmlElement) => el.children.filter((c): c is string => typeof c === "string").join("");

/** Sets a key, turning a name seen again into an array; defined, not assigned, so "__proto__" stays data. */
function put(obj: Record<string, unknown>, multi: Set<string>, key: string, value: unknown): void {
  if (!Object.hasOwn(obj, key)) Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else if (multi.has(key)) (obj[key] as unknown[]).push(value);
  else {
    obj[key] = [obj[key], value];
    multi.add(key);
  }
}

function convert(el: XmlElement): unknown {
  const elements = el.children.filter((c): c is XmlElement => typeof c !== "string");
  const attrs = Object.entries(el.attrs);
  const text = textOf(el);
  if (elements.length === 0 && attrs.length === 0) return text;
  const obj: Record<string, unknown> = {};
  const multi = new Set<string>();
  for (const [k, v] of attrs) obj[`@${k}`] = v;
  if (localName(el.name) === "EventData") {
    const unnamed: string[] = [];
    for (const child of elements) {
      const name = child.attrs.Name;
      if (localName(child.name) !== "Data") put(obj, multi, child.name, convert(child));
      else if (name === undefined) unnamed.push(textOf(child));
      else put(obj, multi, name, textOf(child));
    }
    if (unnamed.length > 0) obj.Data = unnamed;
  } else {
    for (const child of elements) put(obj, multi, child.name, convert(child));
  }
  if (text.trim() !== "") obj["#text"] = text;
  return obj;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
const attr = (v: unknown, name: string) => (isObject(v) ? str(v[`@${name}`]) : undefined);
const inner = (v: unknown) => (isObject(v) ? str(v["#text"]) : str(v));

/** Leaf values of UserData (one wrapper element per event type, e.g. LogFileCleared), by their own names. */
export function userDataFields(v: unknown, out: Record<string, unknown> = {}): Record<string, unknown> {
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) {
    // "@xmlns" (our XML), "#attributes" (evtx_dump): markup, not values.
    if (k.startsWith("@") || k.startsWith("#")) continue;
    if (isObject(val)) userDataFields(val, out);
    else out[localName(k)] = val;
  }
  return out;
}

/** The common view of an XML event's raw JSON. */
export function winEventFromXmlRaw(raw: Record<string, unknown>): WinEvent {
  const sys = isObject(raw.System) ? raw.System : {};
  const eventData = isObject(raw.EventData) ? raw.EventData : {};
  const { Data: unnamed, ...named } = eventData;
  const rendering = isObject(raw.RenderingInfo) ? raw.RenderingInfo : {};
  const keyword = isObject(rendering.Keywords) ? rendering.Keywords.Keyword : undefined;
  const id = Number(inner(sys.EventID));
  return {
    eventId: Number.isInteger(id) ? id : undefined,
    provider: attr(sys.Provider, "Name") ?? attr(sys.Provider, "EventSourceName"),
    channel: inner(sys.Channel),
    computer: inner(sys.Computer),
    recordId: inner(sys.EventRecordID)?.trim() || undefined,
    time: attr(sys.TimeCreated, "SystemTime"),
    timeField: "System/TimeCreated/@SystemTime",
    isZoneStated: false,
    data: { ...userDataFields(raw.UserData), ...named },
    params: Array.isArray(unnamed) ? unnamed.map((p) => str(p) ?? "") : [],
    message: str(rendering.Message),
    keywords: (Array.isArray(keyword) ? keyword.join(" ") : str(keyword)) ?? inner(sys.Keywords),
  };
}
