import type { ParseOutput, RecordParser } from "../canonical";
import { createCsvParser, csvHeader } from "../formats/csv";
import { isObject, type Sample, tryJson, wholeLines } from "../formats/format";
import { createJsonLinesParser } from "../formats/jsonl";
import { createJsonArraySplitter, type JsonElement } from "../read/json-array";
import type { Line } from "../read/read-lines";
import { keysAtDepth } from "./ms-json-keys";

/**
 * How a Microsoft export holds its records. The same table leaves Microsoft as CSV (portal,
 * Purview, Log Analytics, Export-Csv), as a JSON array (portal JSON, ConvertTo-Json), as a Graph
 * page (`{"@odata.context":…,"value":[…]}`), as one object per line, or as pretty-printed objects
 * one after another; each of these formats reads all of them.
 */
export type Container =
  | { kind: "csv"; sample: Sample; typeLine: number | null }
  | { kind: "json-array"; path: string[] }
  | { kind: "json-lines" }
  | { kind: "json-objects" };

// `{` then any @odata.* annotations, then "value": a Graph page, read element by element.
const GRAPH_PAGE = /^\{\s*(?:"@odata\.[^"]*"\s*:\s*(?:"(?:[^"\\]|\\.)*"|-?\d+|null)\s*,\s*)*"value"\s*:\s*\[/;

type SampleInfo = { container: Container; keys: string[] };

/** Detection reads no further than this: a one-line JSON export can be hundreds of megabytes. */
const HEAD_MAX_CHARS = 512 * 1024;

/** The sample's lines from `from`, joined, up to HEAD_MAX_CHARS. */
function headText(lines: string[], from = 0): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = from; i < lines.length && n < HEAD_MAX_CHARS; i++) {
    const line = lines[i] as string;
    parts.push(line.length > HEAD_MAX_CHARS ? line.slice(0, HEAD_MAX_CHARS) : line);
    n += line.length + 1;
  }
  return parts.join("\n");
}

const cache = new WeakMap<Sample, SampleInfo>();

/** The container and the field names of the sample's first records (cached: every format asks). */
export function sampleInfo(sample: Sample): SampleInfo {
  let info = cache.get(sample);
  if (!info) {
    const container = containerOf(sample);
    info = { container, keys: keysOf(sample, container) };
    cache.set(sample, info);
  }
  return info;
}

function containerOf(sample: Sample): Container {
  const i = sample.lines.findIndex((l) => l.trim() !== "");
  const first = (sample.lines[i] ?? "").trimStart();
  if (first.startsWith("[")) return { kind: "json-array", path: [] };
  if (first.startsWith("{")) {
    if (GRAPH_PAGE.test(headText(sample.lines, i).trimStart())) return { kind: "json-array", path: ["value"] };
    return isObject(tryJson(first)) ? { kind: "json-lines" } : { kind: "json-objects" };
  }
  // Windows PowerShell's Export-Csv writes a "#TYPE …" line above the header unless told not to.
  if (first.startsWith("#TYPE ")) {
    const rest = sample.lines.slice(i + 1);
    return { kind: "csv", sample: { ...sample, lines: rest }, typeLine: i + 1 };
  }
  return { kind: "csv", sample, typeLine: null };
}

function keysOf(sample: Sample, c: Container): string[] {
  switch (c.kind) {
    case "csv":
      return csvHeader(c.sample);
    case "json-array":
      return keysAtDepth(headText(sample.lines), c.path.length + 2);
    case "json-lines":
      return keysAtDepth(headText(wholeLines(sample)), 1);
    case "json-objects":
      return keysAtDepth(headText(sample.lines), 1);
  }
}

/** A parser for whichever container the sample shows; records keep every field as read. */
export function createMsRecordParser(sample: Sample): RecordParser {
  const c = sampleInfo(sample).container;
  if (c.kind === "csv") {
    const csv = createCsvParser(c.sample);
    const skip = c.typeLine;
    return { push: (lines) => csv.push(skip === null ? lines : lines.filter((l) => l.number !== skip)), end: csv.end };
  }
  if (c.kind === "json-lines") return createJsonLinesParser();
  return createElementParser(c.kind === "json-array" ? c.path : null);
}

/** Array elements (path given), or top-level objects one after another (null: read as if inside `[…]`). */
function createElementParser(path: string[] | null): RecordParser {
  const splitter = createJsonArraySplitter(path ?? []);
  let opened = path !== null;
  let last = 0;
  const convert = (els: JsonElement[]): ParseOutput[] =>
    els.map((el) => {
      if ("problem" in el) return { kind: "problem", line: el.firstLine, reason: el.problem, rawText: el.raw };
      if (!isObject(el.value))
        return { kind: "problem", line: el.firstLine, reason: "not a JSON object", rawText: JSON.stringify(el.value) ?? "" };
      const rawText = JSON.stringify(el.value);
      return { kind: "record", line: el.firstLine, raw: el.value, rawText, isRawTextJson: true };
    });
  return {
    push(lines: Line[]) {
      const out: ParseOutput[] = [];
      for (const line of lines) {
        if (!opened) {
          // A virtual "[" on the first line: the splitter then tolerates the missing commas between objects.
          opened = true;
          out.push(...convert(splitter.push({ text: "[", number: line.number })));
        }
        last = line.number;
        // A line that could not be read whole still goes to the splitter, which fails the element it belongs to.
        out.push(...convert(splitter.push(line)));
      }
      return out;
    },
    end() {
      const out = path === null && opened ? convert(splitter.push({ text: "]", number: last })) : [];
      return [...out, ...convert(splitter.end())];
    },
  };
}
