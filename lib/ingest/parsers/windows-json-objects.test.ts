import { describe, expect, it } from "vitest";
import type { ParseOutput } from "../canonical";
import type { Line } from "../read/read-lines";
import { createJsonObjectsParser, sampleObjects } from "./windows-json-objects";
import { linesOf } from "./windows-test-files";

function parse(lines: Line[], header?: RegExp): ParseOutput[] {
  const p = createJsonObjectsParser({ header });
  return [...p.push(lines), ...p.end()];
}
const records = (out: ParseOutput[]) => out.flatMap((o) => (o.kind === "record" ? [[o.line, o.raw]] : []));
const problems = (out: ParseOutput[]) => out.flatMap((o) => (o.kind === "problem" ? [[o.line, o.reason]] : []));

describe("createJsonObjectsParser", () => {
  it("reads one object a line, and pretty printed objects after optional headers, keeping the text as read", () => {
    const out = parse(linesOf('{"a":1}\n\nRecord 7\n{\n  "b": {"c": "}{"},\n  "d": [1, 2]\n}\n{"e":"\\"}"}'), /^Record \d+$/);
    expect(records(out)).toEqual([
      [1, { a: 1 }],
      [4, { b: { c: "}{" }, d: [1, 2] }],
      [8, { e: '"}' }],
    ]);
    expect(problems(out)).toEqual([]);
    const pretty = out[1];
    expect(pretty?.kind === "record" && pretty.rawText).toBe('{\n  "b": {"c": "}{"},\n  "d": [1, 2]\n}');
    expect(pretty?.kind === "record" && pretty.isRawTextJson).toBe(true);
  });

  // Line 7 is the rest of line 6's broken record: skipped with it, not reported twice.
  it("reports invalid JSON, non-objects, stray text and cut records, and resumes at the next record", () => {
    const out = parse(linesOf('{"a":1,}\n[1,2]\nhello\n{"cut": 1,\n{"ok":2}\n{"s": "runs on\nand on"}\n{"ok":3}\n{"open": {'));
    expect(problems(out)).toEqual([
      [1, expect.stringMatching(/^invalid JSON: /)],
      [2, "not a JSON object"],
      [3, "not a JSON object"],
      [4, "JSON object cut short: a new record starts before it ends"],
      [6, "JSON object broken: a string runs past the end of the line"],
      [9, "JSON object not closed at the end of the file"],
    ]);
    expect(records(out)).toEqual([
      [5, { ok: 2 }],
      [8, { ok: 3 }],
    ]);
  });

  it("reports an unreadable line and the record it broke", () => {
    const out = parse([
      { text: "{", number: 1 },
      { text: "\uFFFD", number: 2, error: "invalid UTF-8 at byte 3" },
      { text: '{"x":1}', number: 3 },
    ]);
    expect(problems(out)).toEqual([
      [1, "JSON object broken by unreadable line 2"],
      [2, "invalid UTF-8 at byte 3"],
    ]);
    expect(records(out)).toEqual([[3, { x: 1 }]]);
  });

  it("sampleObjects leaves out a record the sample cut", () => {
    const sample = { fileName: "x.json", lines: ['{"a":1}', "{", '  "b": 2'] };
    expect(sampleObjects(sample)).toEqual([{ a: 1 }]);
  });
});
