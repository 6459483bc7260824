import type { ParseOutput, RecordParser } from "../canonical";
import type { Format, Sample } from "../formats/format";
import { leafPaths, withMapping } from "./windows-mapping";
import { draftFromWinEvent } from "./windows-semantics";
import { parseXmlElement, XmlError } from "./windows-xml-parse";
import { winEventFromXmlRaw, xmlEventToRaw } from "./windows-xml-raw";
import { createEventSplitter, type EventChunk } from "./windows-xml-splitter";

const EVENT_NS = "schemas.microsoft.com/win/2004/08/events/event";

function createParser(): RecordParser {
  const splitter = createEventSplitter();
  const convert = (chunks: EventChunk[]): ParseOutput[] =>
    chunks.map((c) => {
      if ("problem" in c) return { kind: "problem", line: c.line, reason: c.problem, rawText: c.text };
      try {
        return { kind: "record", line: c.line, raw: xmlEventToRaw(parseXmlElement(c.text)), rawText: c.text };
      } catch (err) {
        if (!(err instanceof XmlError)) throw err;
        return { kind: "problem", line: c.line, reason: `malformed event XML: ${err.message}`, rawText: c.text.slice(0, 2_000) };
      }
    });
  return {
    push: (lines) => lines.flatMap((line) => convert(splitter.push(line))),
    end: () => convert(splitter.end()),
  };
}

/** The raw objects of the whole events in the sample. */
function sampleEvents(sample: Sample): Record<string, unknown>[] {
  const parser = createParser();
  const out = parser.push(sample.lines.map((text, i) => ({ text, number: i + 1 })));
  return out.flatMap((o) => (o.kind === "record" ? [o.raw] : []));
}

export const windowsXmlFormat: Format = {
  name: "windows-xml",
  label: "Windows event log XML (wevtutil, Event Viewer)",
  description:
    "Windows events as XML: Event Viewer's “Save as XML” (<Events>…), wevtutil qe /f:xml or Get-WinEvent ToXml() (one <Event> a line), pretty printed or not; EventData, UserData and RenderingInfo are read.",
  example:
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>4624</EventID><TimeCreated SystemTime='2023-05-15T03:12:44.1234567Z'/><EventRecordID>1201</EventRecordID><Channel>Security</Channel><Computer>dc01.contoso.test</Computer></System><EventData><Data Name='TargetUserName'>alice</Data><Data Name='TargetDomainName'>CONTOSO</Data><Data Name='LogonType'>3</Data><Data Name='IpAddress'>203.0.113.7</Data></EventData></Event>",
  detect(sample) {
    const head = sample.lines.join("\n");
    if (!/<Event[\s>]/.test(head)) return 0;
    if (head.includes(EVENT_NS)) return 98;
    return /<System>/.test(head) && /<EventID[\s>]/.test(head) ? 90 : 0;
  },
  createParser,
  createMapper: (_sample, mapping) => withMapping((raw) => draftFromWinEvent(winEventFromXmlRaw(raw)), mapping),
  sampleFields: (sample) => leafPaths(sampleEvents(sample)),
};
