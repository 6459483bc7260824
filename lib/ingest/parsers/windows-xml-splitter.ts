import type { Line } from "../read/read-lines";

/** One <Event>…</Event> as written, from the line it starts on; or input that is not one. */
export type EventChunk = { line: number; text: string } | { line: number; problem: string; text: string };

export type EventSplitter = { push(line: Line): EventChunk[]; end(): EventChunk[] };

/** An event is a few KB; one this long without its end tag is a broken file, not an event. */
export const MAX_EVENT_CHARS = 16 * 1024 * 1024;
const SHOWN_CHARS = 2_000;

function isEventTag(buf: string, at: number, prefix: string): boolean {
  if (!buf.startsWith(prefix, at)) return false;
  const next = buf.charAt(at + prefix.length);
  return next === ">" || next === "/" || /\s/.test(next);
}

/**
 * Cuts a stream of lines into <Event> elements, whatever the layout: one event per line (wevtutil
 * qe /f:xml), all events on one line inside <Events> (Event Viewer's "Save as XML"), or pretty
 * printed. Events never nest, so an event ends at the first </Event> outside CDATA and comments.
 * Around events only an XML declaration, comments, the <Events> wrapper and evtx_dump's "Record N"
 * headers are allowed; any other text is reported line by line.
 */
export function createEventSplitter(maxEventChars = MAX_EVENT_CHARS): EventSplitter {
  let buf = "";
  /** Absolute offset of buf[0]; line starts are absolute so trimming buf keeps them valid. */
  let base = 0;
  let lineStarts: { at: number; number: number }[] = [];
  let state: "outside" | "inside" | "resync" = "outside";
  let pos = 0;
  let eventStart = 0;

  const lineAt = (offset: number): number => {
    let n = lineStarts[0]?.number ?? 0;
    for (const l of lineStarts) {
      if (l.at > base + offset) break;
      n = l.number;
    }
    return n;
  };
  const shown = (text: string) => text.slice(0, SHOWN_CHARS);
  const trim = (upTo: number) => {
    buf = buf.slice(upTo);
    base += upTo;
    pos -= upTo;
    eventStart -= upTo;
    const keep = lineStarts.findLastIndex((l) => l.at <= base);
    if (keep > 0) lineStarts = lineStarts.slice(keep);
  };

  /** Emits what the buffer completes; returns how much of the buffer is done with. */
  function scan(out: EventChunk[]): number {
    for (;;) {
      if (state === "resync") {
        // Past the broken event's own start tag, to the next event's.
        const next = nextEventStart(buf, Math.max(pos, eventStart + 1));
        if (next === -1) return buf.length;
        state = "outside";
        pos = next;
      }
      if (state === "outside") {
        while (pos < buf.length && /\s/.test(buf.charAt(pos))) pos++;
        if (pos >= buf.length) return buf.length;
        const token = outsideTokenEnd(buf, pos);
        if (token === "wait") return pos;
        if (token === "event") {
          const gt = buf.indexOf(">", pos);
          if (buf.charAt(gt - 1) === "/") {
            // <Event/>: nothing in it, but an element all the same (the parser decides what it is worth).
            out.push({ line: lineAt(pos), text: buf.slice(pos, gt + 1) });
            pos = gt + 1;
            continue;
          }
          state = "inside";
          eventStart = pos;
          pos += 6;
          continue;
        }
        if (token !== "junk") {
          pos = token;
          continue;
        }
        // Junk runs to the end of its line, or to an event starting on that line.
        const eol = buf.indexOf("\n", pos);
        if (eol === -1) return pos;
        const next = nextEventStart(buf, pos);
        const end = next !== -1 && next < eol ? next : eol + 1;
        out.push({ line: lineAt(pos), problem: "text outside an <Event> element", text: shown(buf.slice(pos, end).trimEnd()) });
        pos = end;
        continue;
      }
      // Inside an event: look for its end, stepping over CDATA and comments. Every pushed line ends
      // with "\n", so a tag seen here is whole unless it spans lines, which event XML never does.
      const lt = buf.indexOf("<", pos);
      const skip = lt === -1 ? null : buf.startsWith("<![CDATA[", lt) ? "]]>" : buf.startsWith("<!--", lt) ? "-->" : null;
      const skipEnd = skip && lt !== -1 ? buf.indexOf(skip, lt) : 0;
      const endTag = lt !== -1 && !skip && isEventTag(buf, lt, "</Event");
      const gt = endTag ? buf.indexOf(">", lt) : 0;
      if (lt === -1 || skipEnd === -1 || gt === -1) {
        if (buf.length - eventStart <= maxEventChars) return eventStart;
        out.push({
          line: lineAt(eventStart),
          problem: `no </Event> within ${maxEventChars} characters`,
          text: shown(buf.slice(eventStart)),
        });
        state = "resync";
        continue;
      }
      if (skip) pos = skipEnd + skip.length;
      else if (endTag) {
        out.push({ line: lineAt(eventStart), text: buf.slice(eventStart, gt + 1) });
        state = "outside";
        pos = gt + 1;
      } else if (isEventTag(buf, lt, "<Event")) {
        // A new event before this one ended: the previous one was cut short.
        const text = shown(buf.slice(eventStart, lt));
        out.push({ line: lineAt(eventStart), problem: "<Event> cut short: a new <Event> starts before </Event>", text });
        eventStart = lt;
        pos = lt + 6;
      } else pos = lt + 1;
    }
  }

  return {
    push(line) {
      const out: EventChunk[] = [];
      if (line.error) {
        out.push({ line: line.number, problem: line.error, text: line.text });
        if (state === "inside") {
          out.push({
            line: lineAt(eventStart),
            problem: `<Event> broken by unreadable line ${line.number}`,
            text: shown(buf.slice(eventStart)),
          });
          state = "resync";
        }
        return out;
      }
      lineStarts.push({ at: base + buf.length, number: line.number });
      buf += `${line.text}\n`;
      trim(scan(out));
      return out;
    },
    end() {
      const out: EventChunk[] = [];
      if (state === "inside")
        out.push({ line: lineAt(eventStart), problem: "<Event> not closed at the end of the file", text: shown(buf.slice(eventStart)) });
      else if (state === "outside" && buf.slice(pos).trim() !== "") {
        out.push({ line: lineAt(pos), problem: "text outside an <Event> element", text: shown(buf.slice(pos).trim()) });
      }
      buf = "";
      return out;
    },
  };
}

/** Offset of the next "<Event" start tag (not <Events>, <EventData>…) at or after `from`, or -1. */
function nextEventStart(buf: string, from: number): number {
  const re = /<Event[\s>/]/g;
  re.lastIndex = from;
  return re.exec(buf)?.index ?? -1;
}

/** Where an allowed token outside events ends, "event" at an <Event> start, "wait" for more text, or "junk". */
function outsideTokenEnd(buf: string, at: number): number | "event" | "wait" | "junk" {
  if (isEventTag(buf, at, "<Event")) return "event";
  // evtx_dump -o xml puts "Record 12" before each event.
  const header = /^Record \d+[ \t]*\n/.exec(buf.slice(at, at + 40));
  if (header) return at + header[0].length;
  const closer = buf.startsWith("<?", at)
    ? "?>"
    : buf.startsWith("<!--", at)
      ? "-->"
      : isEventTag(buf, at, "<Events") || isEventTag(buf, at, "</Events")
        ? ">"
        : null;
  if (closer === null) return "junk";
  const end = buf.indexOf(closer, at);
  return end === -1 ? "wait" : end + closer.length;
}
