import { createCsvParser, csvHeader } from "../formats/csv";
import { type Format, isObject, type Sample, tryJson } from "../formats/format";
import { type WinEvent, winEventFields } from "./windows-event";
import { createJsonObjectsParser, sampleObjects } from "./windows-json-objects";
import { leafPaths, withMapping } from "./windows-mapping";
import { draftFromWinEvent } from "./windows-semantics";
import { userDataFields } from "./windows-xml-raw";

// Eric Zimmerman's EvtxECmd, --csv or --json. TimeCreated is UTC by design (the CSV writes it without a
// zone: "2023-05-15 03:12:44.1234567"). The event's own values are in Payload, the EventData/UserData
// XML turned to JSON: {"EventData":{"Data":[{"@Name":"TargetUserName","#text":"alice"},…]}}, where a
// lone <Data> is an object rather than a one-element array and unnamed ones are bare strings.

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

/** EventData values by name, and the unnamed ones in order, from the Payload JSON. */
export function payloadFields(payload: unknown): { data: Record<string, unknown>; params: string[] } {
  const p = typeof payload === "string" ? tryJson(payload) : payload;
  // No prototype: a value named "__proto__" must stay a value.
  const data: Record<string, unknown> = Object.create(null);
  const params: string[] = [];
  if (!isObject(p)) return { data, params };
  const eventData = isObject(p.EventData) ? p.EventData : {};
  const items = Array.isArray(eventData.Data) ? eventData.Data : eventData.Data === undefined ? [] : [eventData.Data];
  for (const item of items) {
    const name = isObject(item) ? str(item["@Name"]) : undefined;
    const value = isObject(item) ? item["#text"] : item;
    if (name !== undefined) data[name] = value ?? "";
    else params.push(str(value) ?? "");
  }
  for (const [k, v] of Object.entries(eventData)) if (k !== "Data" && !k.startsWith("@")) data[k] = v;
  return { data: { ...userDataFields(p.UserData), ...data }, params };
}

export function winEventFromEvtxECmd(raw: Record<string, unknown>): WinEvent {
  const { data, params } = payloadFields(raw.Payload);
  const id = Number(raw.EventId);
  const summary = [1, 2, 3, 4, 5, 6]
    .map((i) => str(raw[`PayloadData${i}`])?.trim())
    .filter((v) => v)
    .join("; ");
  return {
    eventId: Number.isInteger(id) && raw.EventId !== "" ? id : undefined,
    provider: str(raw.Provider),
    channel: str(raw.Channel),
    computer: str(raw.Computer),
    recordId: str(raw.EventRecordId)?.trim() || undefined,
    time: raw.TimeCreated,
    timeField: "TimeCreated",
    isZoneStated: true,
    data,
    params,
    message: undefined,
    title: str(raw.MapDescription)?.trim() || undefined,
    summary: summary || undefined,
    keywords: str(raw.Keywords),
  };
}

const mapper = (raw: Record<string, unknown>) => {
  const ev = winEventFromEvtxECmd(raw);
  const draft = draftFromWinEvent(ev);
  return "error" in draft ? draft : { ...draft, fields: winEventFields(ev) };
};

function hasEvtxECmdFields(keys: readonly string[]): boolean {
  const k = new Set(keys);
  return (
    k.has("EventId") && k.has("TimeCreated") && k.has("Channel") && (k.has("Payload") || k.has("MapDescription") || k.has("PayloadData1"))
  );
}

const jsonObjects = (sample: Sample) => sampleObjects(sample);

export const evtxECmdCsvFormat: Format = {
  name: "evtxecmd-csv",
  label: "EvtxECmd CSV (Eric Zimmerman)",
  description: "EvtxECmd --csv output; times are UTC; the Payload column's EventData is read for the event's details.",
  example:
    'RecordNumber,EventRecordId,TimeCreated,EventId,Level,Provider,Channel,ProcessId,ThreadId,Computer,ChunkNumber,UserId,MapDescription,UserName,RemoteHost,PayloadData1,PayloadData2,PayloadData3,PayloadData4,PayloadData5,PayloadData6,ExecutableInfo,HiddenRecord,SourceFile,Keywords,ExtraDataOffset,Payload\n1,1201,2023-05-15 03:12:44.1234567,4624,LogAlways,Microsoft-Windows-Security-Auditing,Security,636,1184,dc01.contoso.test,0,,Successful logon,CONTOSO\\alice,WS-ALICE (203.0.113.7),Target: CONTOSO\\alice,LogonType 3,,,,,,False,C:\\Logs\\Security.evtx,Audit success,0,"{""EventData"":{""Data"":[{""@Name"":""TargetUserName"",""#text"":""alice""},{""@Name"":""TargetDomainName"",""#text"":""CONTOSO""},{""@Name"":""LogonType"",""#text"":""3""},{""@Name"":""IpAddress"",""#text"":""203.0.113.7""}]}}"',
  detect: (sample) => (hasEvtxECmdFields(csvHeader(sample)) ? 95 : 0),
  createParser: createCsvParser,
  createMapper: (_sample, mapping) => withMapping(mapper, mapping),
  sampleFields: csvHeader,
};

export const evtxECmdJsonFormat: Format = {
  name: "evtxecmd-json",
  label: "EvtxECmd JSON (Eric Zimmerman)",
  description: "EvtxECmd --json output, one record a line; times are UTC; the Payload's EventData is read for the event's details.",
  example:
    '{"PayloadData1":"Target: CONTOSO\\\\alice","PayloadData2":"LogonType 3","MapDescription":"Successful logon","Computer":"dc01.contoso.test","Payload":"{\\"EventData\\":{\\"Data\\":[{\\"@Name\\":\\"TargetUserName\\",\\"#text\\":\\"alice\\"},{\\"@Name\\":\\"LogonType\\",\\"#text\\":\\"3\\"},{\\"@Name\\":\\"IpAddress\\",\\"#text\\":\\"203.0.113.7\\"}]}}","Channel":"Security","Provider":"Microsoft-Windows-Security-Auditing","EventId":4624,"EventRecordId":"1201","TimeCreated":"2023-05-15T03:12:44.1234567+00:00","RecordNumber":1}',
  detect(sample) {
    const first = jsonObjects(sample)[0];
    return first && hasEvtxECmdFields(Object.keys(first)) ? 95 : 0;
  },
  createParser: () => createJsonObjectsParser(),
  createMapper: (_sample, mapping) => withMapping(mapper, mapping),
  sampleFields: (sample) => leafPaths(jsonObjects(sample)),
};
