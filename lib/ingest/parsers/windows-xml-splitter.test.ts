import { describe, expect, it } from "vitest";
import type { Line } from "../read/read-lines";
import { linesOf } from "./windows-test-files";
import { createEventSplitter, type EventChunk } from "./windows-xml-splitter";

function split(lines: Line[], max?: number): EventChunk[] {
  const s = createEventSplitter(max);
  return [...lines.flatMap((l) => s.push(l)), ...s.end()];
}
const ok = (chunks: EventChunk[]) => chunks.filter((c) => !("problem" in c)).map((c) => [c.line, c.text]);
const problems = (chunks: EventChunk[]) => chunks.flatMap((c) => ("problem" in c ? [[c.line, c.problem]] : []));

describe("createEventSplitter", () => {
  it("finds events one a line, several on one line, and across lines, each with the line it starts on", () => {
    const chunks = split(
      linesOf('<?xml version="1.0"?>\n<Events><Event a="1"><X/></Event><Event>\n<Y>two\nlines</Y>\n</Event>\n<Event/>\n</Events>'),
    );
    expect(ok(chunks)).toEqual([
      [2, '<Event a="1"><X/></Event>'],
      [2, "<Event>\n<Y>two\nlines</Y>\n</Event>"],
      [6, "<Event/>"],
    ]);
    expect(problems(chunks)).toEqual([]);
  });

  it("does not take <Events>, <EventData> or <EventID> for an event, nor </Event> inside CDATA or a comment", () => {
    const chunks = split(
      linesOf("<Event><EventID>1</EventID><EventData><Data><![CDATA[</Event>]]></Data><!-- </Event> --></EventData></Event>"),
    );
    expect(ok(chunks)).toHaveLength(1);
    expect(ok(chunks)[0]?.[1]).toMatch(/<\/EventData><\/Event>$/);
  });

  it("skips evtx_dump's Record headers and comments between events", () => {
    expect(ok(split(linesOf("Record 1\n<Event/>\n<!-- x\ny -->\nRecord 2\n<Event>\n</Event>")))).toEqual([
      [2, "<Event/>"],
      [6, "<Event>\n</Event>"],
    ]);
  });

  it("reports text outside events line by line, a cut event, and an event left open at the end", () => {
    const chunks = split(linesOf("junk\n<Event><A>cut\n<Event><B/></Event>\nmore junk <Event>\n<C/>"));
    expect(problems(chunks)).toEqual([
      [1, "text outside an <Event> element"],
      [2, "<Event> cut short: a new <Event> starts before </Event>"],
      [4, "text outside an <Event> element"],
      [4, "<Event> not closed at the end of the file"],
    ]);
    expect(ok(chunks)).toEqual([[3, "<Event><B/></Event>"]]);
  });

  it("gives up on an event longer than the limit and resumes at the next one", () => {
    const chunks = split(linesOf(`<Event>${"x".repeat(50)}\n${"y".repeat(50)}\nzzz\n<Event/>`), 60);
    expect(problems(chunks)).toEqual([[1, "no </Event> within 60 characters"]]);
    expect(ok(chunks)).toEqual([[4, "<Event/>"]]);
  });

  it("reports an unreadable line, and the event it broke", () => {
    const lines: Line[] = [
      { text: "<Event>", number: 1 },
      { text: "\uFFFD", number: 2, error: "invalid UTF-8 at byte 0" },
      { text: "</Event>", number: 3 },
      { text: "<Event/>", number: 4 },
    ];
    const chunks = split(lines);
    expect(problems(chunks)).toEqual([
      [2, "invalid UTF-8 at byte 0"],
      [1, "<Event> broken by unreadable line 2"],
    ]);
    expect(ok(chunks)).toEqual([[4, "<Event/>"]]);
  });
});
