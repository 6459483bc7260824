import type { EventDraft, RecordMapper } from "../canonical";
import type { Format } from "../formats/format";
import { createJsonLinesParser, jsonLinesKeys } from "../formats/jsonl";
import { auditFields, auomsDraft } from "./auoms-record";
import { winEventFields } from "./windows-event";
import { draftFromWinEvent } from "./windows-semantics";
import { parseXmlElement, XmlError } from "./windows-xml-parse";
import { winEventFromXmlRaw, xmlEventToRaw } from "./windows-xml-raw";

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined);

/**
 * One row of Log Analytics' Syslog table. What the message carries decides the event: a Sysmon for
 * Linux event (its XML, read like any Sysmon event: process creation, network connection …), an
 * AUOMS audit record (auditd's process executions), else the syslog line itself. The row's
 * Computer is the host and its HostIP names the host's address.
 */
export const mapSyslogRow: RecordMapper = (raw) => {
  const message = text(raw.SyslogMessage) ?? "";
  const time = text(raw.TimeGenerated) ?? text(raw["TimeGenerated [UTC]"]) ?? text(raw.EventTime);
  const host = text(raw.Computer) ?? text(raw.HostName);
  const hostIp = text(raw.HostIP);
  const base = (draft: Omit<EventDraft, "time"> & { time?: string | number }): EventDraft | { error: string } => {
    const t = draft.time ?? time;
    if (t === undefined) return { error: "no TimeGenerated or EventTime" };
    return {
      ...draft,
      time: t,
      isZoneStated: draft.isZoneStated ?? true,
      host: draft.host ?? host,
      category: draft.category ?? text(raw.Facility),
      entities: [...(draft.entities ?? []), ...(hostIp ? [{ kind: "ip" as const, value: hostIp, role: "host" }] : [])],
    };
  };
  if (message.startsWith("<Event")) {
    try {
      const { xml, truncated } = repairSysmonXml(message);
      const ev = winEventFromXmlRaw(xmlEventToRaw(parseXmlElement(xml)));
      const draft = draftFromWinEvent(ev);
      if ("error" in draft) return draft;
      // The event's own time (to the nanosecond, in UTC) is closer than the row's.
      return base({
        ...draft,
        message: truncated ? `${draft.message} [event cut short by syslog]` : draft.message,
        isZoneStated: true,
        fields: winEventFields(ev),
      });
    } catch (err) {
      if (!(err instanceof XmlError)) throw err;
      return { error: `SyslogMessage holds broken event XML: ${err.message}` };
    }
  }
  const audit = auomsDraft(message);
  if (audit) return base({ ...audit, category: "auoms", fields: auditFields(message) });
  return base({ message: message || "(empty syslog message)", action: text(raw.ProcessName), actor: undefined });
};

/**
 * Sysmon for Linux's XML as syslog carries it: entities without their semicolon ("&lt unknown
 * process&gt"), and long events cut at syslog's line limit. The first are completed; a cut event
 * keeps its whole <Data> elements and is closed after them (the record says it was cut).
 */
export function repairSysmonXml(message: string): { xml: string; truncated: boolean } {
  const xml = message.replace(/&(lt|gt|amp|quot|apos)(?!;)/g, "&$1;");
  if (/<\/Event>\s*$/.test(xml)) return { xml, truncated: false };
  const lastData = xml.lastIndexOf("</Data>");
  if (lastData < 0) return { xml, truncated: true };
  return { xml: `${xml.slice(0, lastData + "</Data>".length)}</EventData></Event>`, truncated: true };
}

export const syslogLaFormat: Format = {
  name: "syslog-la",
  label: "Syslog table (Log Analytics / Sentinel export)",
  description:
    "Rows of the Syslog table exported from Log Analytics or Sentinel, one JSON object a line (TimeGenerated, Computer, HostIP, Facility, ProcessName, SyslogMessage). A SyslogMessage holding a Sysmon for Linux event is read as that event (process creation, network connection …); an AUOMS record as the process execution it audits.",
  example:
    '{"TimeGenerated":"2022-05-11T18:10:22.003Z","Computer":"UBUNTU5","HostIP":"192.0.2.5","Facility":"user","ProcessName":"sysmon","SyslogMessage":"<Event><System><Provider Name=\\"Linux-Sysmon\\"/><EventID>1</EventID>…</Event>"}',
  detect(sample) {
    const keys = new Set(jsonLinesKeys(sample));
    return keys.has("SyslogMessage") &&
      (keys.has("Computer") || keys.has("HostName")) &&
      (keys.has("TimeGenerated") || keys.has("EventTime"))
      ? 92
      : 0;
  },
  createParser: createJsonLinesParser,
  createMapper: () => mapSyslogRow,
  sampleFields: jsonLinesKeys,
};
