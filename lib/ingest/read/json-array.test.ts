import { describe, expect, it } from "vitest";
import { createJsonArraySplitter, type JsonArrayOptions, type JsonElement } from "./json-array";
import { type Line, readLines } from "./read-lines";

function toLines(text: string): Line[] {
  return text.split("\n").map((t, i) => ({ text: t, number: i + 1 }));
}

function split(input: string | Line[], path?: string[], options?: JsonArrayOptions): JsonElement[] {
  const splitter = createJsonArraySplitter(path, options);
  const out: JsonElement[] = [];
  for (const line of typeof input === "string" ? toLines(input) : input) out.push(...splitter.push(line));
  out.push(...splitter.end());
  return out;
}

const values = (els: JsonElement[]) => els.map((e) => ("value" in e ? e.value : `PROBLEM ${e.problem}`));
const extents = (els: JsonElement[]) => els.map((e) => [e.firstLine, e.lastLine]);

describe("createJsonArraySplitter", () => {
  it("streams a pretty-printed top-level array with line numbers", () => {
    const text = JSON.stringify([{ a: 1, b: { c: [1, 2] } }, { a: 2 }], null, 2);
    const got = split(text);
    expect(values(got)).toEqual([{ a: 1, b: { c: [1, 2] } }, { a: 2 }]);
    expect(extents(got)).toEqual([
      [2, 10],
      [11, 13],
    ]);
  });

  it("gives the same values for one-line, pretty and odd layouts", () => {
    const data = [{ s: 'br]ack{et "quoted" \\ back, comma' }, [1, [2]], "str,ing]", 42, -1.5e3, true, null, {}, []];
    for (const text of [JSON.stringify(data), JSON.stringify(data, null, 4), JSON.stringify(data, null, "\t").replaceAll("\n", "\r\n")]) {
      expect(values(split(text.replaceAll("\r", "")))).toEqual(data);
    }
    expect(values(split("[\n1\n,\n2\n]"))).toEqual([1, 2]);
    expect(values(split("  []  "))).toEqual([]);
  });

  it("turns a broken element into a problem and keeps the ones after it", () => {
    const text = '[\n  {"a":1},\n  {"a":1,,"b":2},\n  {"c":3}\n]';
    const got = split(text);
    expect(values(got)).toEqual([{ a: 1 }, expect.stringMatching(/^PROBLEM invalid JSON: /), { c: 3 }]);
    expect(got[1]).toMatchObject({ firstLine: 3, lastLine: 3, raw: '{"a":1,,"b":2}' });
  });

  it("tolerates a missing comma between objects and stray commas", () => {
    expect(values(split('[{"a":1} {"b":2},,{"c":3},]'))).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it("reports a truncated array: inside an element, and before the closing bracket", () => {
    const inside = split('[\n{"a":1},\n{"b":\n  "x"');
    expect(values(inside)).toEqual([{ a: 1 }, "PROBLEM the file ends inside this element (truncated?)"]);
    expect(inside[1]).toMatchObject({ firstLine: 3, lastLine: 4, raw: '{"b":\n  "x"\n' });
    const between = split('[\n{"a":1},\n{"b":2}\n');
    expect(values(between)).toEqual([{ a: 1 }, { b: 2 }, "PROBLEM the file ends before the array's closing ] (truncated?)"]);
    expect(extents(between)[2]).toEqual([3, 4]);
  });

  it("finds the array under a key: CloudTrail Records and Graph value, skipping other keys", () => {
    const cloudTrail = JSON.stringify(
      { Meta: { x: [1, { "}": "]" }] }, Records: [{ eventName: "ConsoleLogin" }, { eventName: "GetObject" }], After: 1 },
      null,
      2,
    );
    expect(values(split(cloudTrail, ["Records"]))).toEqual([{ eventName: "ConsoleLogin" }, { eventName: "GetObject" }]);
    const graph =
      '{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns","value":[{"id":"1"},{"id":"2"}],"@odata.nextLink":"x"}';
    expect(values(split(graph, ["value"]))).toEqual([{ id: "1" }, { id: "2" }]);
    expect(values(split('{"data":{"items":[1,2]}}', ["data", "items"]))).toEqual([1, 2]);
    expect(values(split('{"Rec\\u006fr\\"ds":0,"Records":[1]}', ["Records"]))).toEqual([1]);
  });

  it("says clearly when the document is not an array at the path, covering the rest of the file", () => {
    const object = split('{\n  "Records": []\n}');
    expect(object).toEqual([
      {
        problem: 'the document is a JSON object, not an array: pass the key holding the records as the path (e.g. ["Records"])',
        firstLine: 1,
        lastLine: 3,
        raw: '{\n  "Records": []\n}',
      },
    ]);
    const missing = split('{\n  "Other": [1]\n}', ["Records"]);
    expect(missing).toEqual([{ problem: 'the top-level object has no "Records" key', firstLine: 1, lastLine: 3, raw: "}" }]);
    expect(values(split('{"Records":{"a":1}}', ["Records"]))).toEqual(['PROBLEM expected an array at "Records", found an object']);
    expect(values(split("[1]", ["Records"]))).toEqual(['PROBLEM expected an object with a "Records" key, found an array']);
    expect(values(split("\n  \n"))).toEqual(["PROBLEM the file holds no JSON"]);
    expect(values(split('{"Records":', ["Records"]))).toEqual(['PROBLEM the file ends before the array at "Records" (truncated?)']);
  });

  it("reports text after a top-level array", () => {
    const got = split("[1]\n[2]\n");
    expect(values(got)).toEqual([1, "PROBLEM unexpected text after the array's closing ]"]);
    expect(extents(got)[1]).toEqual([2, 3]);
  });

  it("marks elements touching a line that could not be decoded, and gives up after a cut line", () => {
    const lines: Line[] = [
      { text: "[", number: 1 },
      { text: '{"a":"\uFFFD"},', number: 2, error: "invalid UTF-8 at byte 6" },
      { text: '{"b":', number: 3 },
      { text: '"\uFFFD"', number: 4, error: "invalid UTF-8 at byte 1" },
      { text: "},", number: 5 },
      { text: '{"c":1},', number: 6 },
      { text: `{"d":"${"x".repeat(1994)}`, number: 7, error: "line longer than 64 MiB" },
      { text: "}]", number: 8 },
    ];
    const got = split(lines);
    expect(values(got)).toEqual([
      "PROBLEM invalid UTF-8 at byte 6",
      "PROBLEM line 4: invalid UTF-8 at byte 1",
      { c: 1 },
      "PROBLEM line 7: line longer than 64 MiB; the rest of the document cannot be split reliably",
    ]);
    expect(extents(got)).toEqual([
      [2, 2],
      [3, 5],
      [6, 6],
      [7, 8],
    ]);
  });

  it("handles a 10 MB element, and skips one over maxElementChars without holding it", () => {
    const big = { blob: "z".repeat(10 * 1024 * 1024), n: 1 };
    const text = `[\n${JSON.stringify(big)},\n{"n":2}\n]`;
    const got = split(text);
    expect(got).toHaveLength(2);
    expect((got[0] as { value: typeof big }).value.blob.length).toBe(big.blob.length);
    const capped = split(JSON.stringify([{ a: "x".repeat(500) }, { n: 2 }], null, 1), [], { maxElementChars: 100 });
    expect(values(capped)).toEqual(["PROBLEM element longer than 100 characters", { n: 2 }]);
    expect((capped[0] as { raw: string }).raw.length).toBeLessThanOrEqual(4000);
  });

  it("bounds raw and the parse message for a big broken element", () => {
    const got = split(`[{"a":"${"x".repeat(10_000)}",}]`);
    const problem = got[0] as { problem: string; raw: string };
    expect(problem.raw).toHaveLength(4000);
    expect(problem.problem.length).toBeLessThan(400);
  });

  it("reads back random JSON in any layout", () => {
    let state = 7;
    const rand = (n: number) => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      return state % n;
    };
    const strings = ["", "a", '"],', '"}', '\\"{', '"', "\\", '\\"', "]", "}", ",", "\n", "é😀", "[{"];
    const value = (d: number): unknown => {
      const k = rand(d > 2 ? 4 : 6);
      if (k === 0) return rand(1000) - 500;
      if (k === 1) return strings[rand(strings.length)];
      if (k === 2) return [true, false, null][rand(3)];
      if (k === 3) return 1.5e-7 * rand(100);
      if (k === 4) return Array.from({ length: rand(4) }, () => value(d + 1));
      return Object.fromEntries(Array.from({ length: rand(4) }, (_, i) => [`${strings[rand(strings.length)] ?? ""}${i}`, value(d + 1)]));
    };
    const data = Array.from({ length: 200 }, () => value(0));
    for (const indent of [undefined, 1, "\t"]) expect(values(split(JSON.stringify(data, null, indent)))).toEqual(data);
  });

  it("works behind readLines in any chunking", async () => {
    const text = `\uFEFF${JSON.stringify({ Records: [{ é: "ü\\n", n: [1, 2, { x: "}" }] }, 7, "😀"] }, null, 2).replaceAll("\n", "\r\n")}`;
    const bytes = Buffer.from(text);
    async function run(size: number): Promise<JsonElement[]> {
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      }
      const splitter = createJsonArraySplitter(["Records"]);
      const out: JsonElement[] = [];
      for await (const batch of readLines(chunks())) for (const line of batch) out.push(...splitter.push(line));
      out.push(...splitter.end());
      return out;
    }
    const whole = await run(bytes.length);
    expect(values(whole)).toEqual([{ é: "ü\\n", n: [1, 2, { x: "}" }] }, 7, "😀"]);
    expect(await run(1)).toEqual(whole);
    expect(await run(13)).toEqual(whole);
  });
});
