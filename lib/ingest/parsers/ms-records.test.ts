import { describe, expect, it } from "vitest";
import type { Sample } from "../formats/format";
import type { Line } from "../read/read-lines";
import { keysAtDepth } from "./ms-json-keys";
import { createMsRecordParser, sampleInfo } from "./ms-records";

const sampleOf = (text: string): Sample => ({ fileName: "x", lines: text.split("\n").slice(0, 64) });
const linesOf = (text: string): Line[] => text.split("\n").map((t, i) => ({ text: t, number: i + 1 }));

function parseAll(text: string) {
  const parser = createMsRecordParser(sampleOf(text));
  return [...parser.push(linesOf(text)), ...parser.end()].map((o) =>
    o.kind === "record" ? { line: o.line, raw: o.raw } : { line: o.line, problem: o.reason },
  );
}

describe("sampleInfo: the container and the first records' keys", () => {
  it("a Graph page whose @odata annotations come before value", () => {
    const text =
      '{"@odata.context":"https://graph.microsoft.test/$metadata#auditLogs/signIns","@odata.nextLink":"https://x.test/?$skiptoken=a\\"b","value":[\n{"id":"1","createdDateTime":"2023-06-14T08:01:12Z"}\n]}';
    expect(sampleInfo(sampleOf(text))).toMatchObject({
      container: { kind: "json-array", path: ["value"] },
      keys: ["id", "createdDateTime"],
    });
    expect(parseAll(text)).toEqual([{ line: 2, raw: { id: "1", createdDateTime: "2023-06-14T08:01:12Z" } }]);
  });

  it("a pretty-printed first record longer than the sample still shows its top-level keys, not nested ones", () => {
    const nested = Array.from({ length: 80 }, (_, i) => `      {"InternetMessageId": "<m${i}@contoso.test>"},`).join("\n");
    const text = `[\n  {\n    "Id": "a",\n    "Folders": [\n${nested}`;
    expect(sampleInfo(sampleOf(text)).keys).toEqual(["Id", "Folders"]);
  });

  it("one object a line, and pretty-printed objects one after another (ConvertTo-Json of single records)", () => {
    expect(sampleInfo(sampleOf('{"a":1}\n{"a":2,"b":3}')).container.kind).toBe("json-lines");
    const objects = '{\n  "a": 1\n}\n{\n  "a": 2\n}';
    expect(sampleInfo(sampleOf(objects)).container.kind).toBe("json-objects");
    expect(parseAll(objects)).toEqual([
      { line: 1, raw: { a: 1 } },
      { line: 4, raw: { a: 2 } },
    ]);
  });

  it("Export-Csv's #TYPE line is skipped, line numbers kept", () => {
    const text = '#TYPE Deserialized.Example\n"A","B"\n"1","2"';
    expect(sampleInfo(sampleOf(text))).toMatchObject({ container: { kind: "csv", typeLine: 1 }, keys: ["A", "B"] });
    expect(parseAll(text)).toEqual([{ line: 3, raw: { A: "1", B: "2" } }]);
  });

  it("a semicolon CSV (Export-Csv -UseCulture) under a #TYPE line", () => {
    expect(parseAll("#TYPE X\nA;B\n1;2")).toEqual([{ line: 3, raw: { A: "1", B: "2" } }]);
  });
});

describe("parsing problems carry their line", () => {
  it("a broken element, a non-object and a cut-off end in a JSON array", () => {
    const text = '[\n{"a":1},\n{"a":,},\n42,\n{"a":2}\n';
    expect(parseAll(text)).toEqual([
      { line: 2, raw: { a: 1 } },
      { line: 3, problem: expect.stringMatching(/^invalid JSON/) },
      { line: 4, problem: "not a JSON object" },
      { line: 5, raw: { a: 2 } },
      { line: 5, problem: "the file ends before the array's closing ] (truncated?)" },
    ]);
  });

  it("a bad line among JSON lines", () => {
    expect(parseAll('{"a":1}\nnope\n{"a":2}')).toEqual([
      { line: 1, raw: { a: 1 } },
      { line: 2, problem: expect.stringMatching(/^invalid JSON/) },
      { line: 3, raw: { a: 2 } },
    ]);
  });
});

describe("keysAtDepth", () => {
  it("reads escaped keys and ignores strings that are values", () => {
    expect(keysAtDepth('{"a\\"b": "c:", "d": {"e": 1}, "f": ["g", "h"]}', 1)).toEqual(['a"b', "d", "f"]);
  });
});
