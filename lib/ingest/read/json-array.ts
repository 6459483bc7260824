import { type Line, LOSSY_TEXT_MAX_CHARS } from "./read-lines";

export type JsonElement =
  | { value: unknown; firstLine: number; lastLine: number }
  | {
      problem: string;
      firstLine: number;
      lastLine: number;
      /** The element's text, bounded to 4,000 chars. */
      raw: string;
    };
export type JsonArraySplitter = { push(line: Line): JsonElement[]; end(): JsonElement[] };
export type JsonArrayOptions = {
  /** Default 64 Mi UTF-16 units; a larger element is a problem, skipped without being held. */
  maxElementChars?: number;
};

export const DEFAULT_MAX_ELEMENT_CHARS = 64 * 1024 * 1024;
const RAW_MAX_CHARS = 4_000;
const MESSAGE_MAX_CHARS = 300;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Where the scanner is. Navigation (value/key/keyString/colon/skip) walks the object keys down `path` to the array. */
type Mode = "value" | "key" | "keyString" | "colon" | "skip" | "array" | "element" | "after" | "failed";

/** The first RAW_MAX_CHARS of the concatenated parts, without joining what lies beyond. */
function headOf(parts: string[]): string {
  let head = "";
  for (const part of parts) {
    if (head.length >= RAW_MAX_CHARS) break;
    head += part.slice(0, RAW_MAX_CHARS - head.length);
  }
  return head;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Elements of the JSON array at `path`, one by one: the scanner tracks depth and strings to find each element's
 * extent, then parses that text alone, so a broken element becomes a problem and the ones after it still come through.
 *
 * `path`: [] for a top-level array; ["Records"] for `{"Records":[...]}` (CloudTrail); ["value"] for Graph API pages.
 * Other keys are skipped unparsed. Lenient where nothing is lost: a missing comma between two objects, stray commas.
 * When the structure itself is lost (not an array at `path`, text after a top-level array, a line whose text was
 * cut by readLines), one problem covers everything from there to the end and is returned by end().
 */
export function createJsonArraySplitter(path: string[] = [], options: JsonArrayOptions = {}): JsonArraySplitter {
  const maxElementChars = options.maxElementChars ?? DEFAULT_MAX_ELEMENT_CHARS;
  const where = path.length === 0 ? "the top level" : `"${path.join(".")}"`;

  let mode: Mode = "value";
  let level = 0; // how many keys of `path` have been entered
  let depth = 0; // nesting inside a skipped value or an element
  let inString = false;
  let keyRaw = "";
  let key = "";
  let lastSeen = 0;
  let docFirstLine = 0;
  let arrayLine = 0; // where the array opened or the last element ended: where a truncation is reported from

  // The element in progress.
  let elFirstLine = 0;
  let elContainer = false;
  let elParts: string[] = [];
  let elChars = 0;
  let elOversized = false;
  let elPreview = "";
  let elTaint: string | null = null;

  // Once the structure is lost: one problem for the rest of the document. While still looking for the array, that
  // problem starts at the document's first line, so the lines of the wrapper are accounted for too.
  let failure: { problem: string; firstLine: number; raw: string } | null = null;

  function fail(problem: string, firstLine: number, raw: string): void {
    mode = "failed";
    failure = { problem, firstLine, raw: raw.slice(0, RAW_MAX_CHARS) };
  }

  function keyMissing(): string {
    const holder = level === 0 ? "the top-level object" : `"${path.slice(0, level).join(".")}"`;
    return `${holder} has no "${path[level]}" key`;
  }

  function found(c: number): string {
    if (c === OPEN_BRACE) return "an object";
    if (c === OPEN_BRACKET) return "an array";
    if (c === QUOTE) return "a string";
    return JSON.stringify(String.fromCharCode(c));
  }

  function startElement(lineNumber: number, c: number, lineError: string | null): void {
    mode = "element";
    elFirstLine = lineNumber;
    elContainer = c === OPEN_BRACE || c === OPEN_BRACKET;
    depth = elContainer ? 1 : 0;
    inString = c === QUOTE;
    elParts = [];
    elChars = 0;
    elOversized = false;
    elPreview = "";
    elTaint = lineError;
  }

  function collect(part: string): void {
    if (elOversized) return;
    elChars += part.length;
    if (elChars > maxElementChars) {
      elOversized = true;
      elPreview = headOf([...elParts, part]);
      elParts = [];
      return;
    }
    elParts.push(part);
  }

  function finishElement(lineNumber: number, out: JsonElement[]): void {
    arrayLine = lineNumber;
    const firstLine = elFirstLine;
    if (elOversized) {
      out.push({
        problem: `element longer than ${maxElementChars.toLocaleString("en-US")} characters`,
        firstLine,
        lastLine: lineNumber,
        raw: elPreview,
      });
      return;
    }
    const text = (elParts.length === 1 ? (elParts[0] as string) : elParts.join("")).trim();
    elParts = [];
    if (elTaint !== null) {
      out.push({ problem: elTaint, firstLine, lastLine: lineNumber, raw: text.slice(0, RAW_MAX_CHARS) });
      return;
    }
    try {
      out.push({ value: JSON.parse(text), firstLine, lastLine: lineNumber });
    } catch (e) {
      // V8 quotes the text in its message; keep the message short, the text is in `raw`.
      const reason = (e instanceof Error ? e.message : String(e)).slice(0, MESSAGE_MAX_CHARS);
      out.push({ problem: `invalid JSON: ${reason}`, firstLine, lastLine: lineNumber, raw: text.slice(0, RAW_MAX_CHARS) });
    }
  }

  /** Index just past the closing quote of the string that `from` is inside, or -1 if it runs past the line's end. */
  function stringEnd(text: string, from: number): number {
    let q = text.indexOf('"', from);
    while (q !== -1) {
      let backslashes = 0;
      for (let k = q - 1; k >= from && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      q = text.indexOf('"', q + 1);
    }
    return -1;
  }

  function scanLine(line: Line, out: JsonElement[]): void {
    const text = line.text;
    const n = text.length;
    const lineError = line.error ?? null;
    let segStart = 0; // where this line's part of the current element starts
    if (mode === "element" && lineError !== null) elTaint ??= `line ${line.number}: ${lineError}`;
    let i = 0;
    while (i < n) {
      if (inString) {
        // Strings are most of a log's text: jump from quote to quote rather than look at every character.
        const end = stringEnd(text, i);
        if (end === -1) break;
        inString = false;
        if (mode === "keyString") {
          keyRaw += text.slice(i, end - 1);
          try {
            key = JSON.parse(`"${keyRaw}"`) as string;
          } catch {
            key = keyRaw;
          }
          mode = "colon";
        }
        i = end;
        continue;
      }
      const c = text.charCodeAt(i);
      switch (mode) {
        case "element":
          if (c === QUOTE) inString = true;
          else if (elContainer) {
            if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
            else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) {
              collect(text.slice(segStart, i + 1));
              finishElement(line.number, out);
              mode = "array";
            }
          } else if (c === COMMA || c === CLOSE_BRACKET) {
            collect(text.slice(segStart, i));
            finishElement(line.number, out);
            mode = c === COMMA ? "array" : "after";
          }
          break;
        case "array":
          if (c === CLOSE_BRACKET) mode = "after";
          else if (!isSpace(c) && c !== COMMA) {
            startElement(line.number, c, lineError);
            segStart = i;
          }
          break;
        case "value":
          if (isSpace(c)) break;
          if (docFirstLine === 0) docFirstLine = line.number;
          if (level === path.length) {
            if (c === OPEN_BRACKET) {
              mode = "array";
              arrayLine = line.number;
            } else if (path.length === 0 && c === OPEN_BRACE) {
              fail(
                'the document is a JSON object, not an array: pass the key holding the records as the path (e.g. ["Records"])',
                docFirstLine,
                text,
              );
            } else fail(`expected an array at ${where}, found ${found(c)}`, docFirstLine, text);
          } else if (c === OPEN_BRACE) mode = "key";
          else fail(`expected an object with a "${path[level]}" key, found ${found(c)}`, docFirstLine, text);
          break;
        case "key":
          if (c === QUOTE) {
            mode = "keyString";
            inString = true;
            keyRaw = "";
            i++;
            continue;
          }
          if (c === CLOSE_BRACE) fail(keyMissing(), docFirstLine, text);
          else if (!isSpace(c) && c !== COMMA) fail(`malformed JSON object: expected a key, found ${found(c)}`, docFirstLine, text);
          break;
        case "colon":
          if (c === COLON) {
            if (key === path[level]) {
              level++;
              mode = "value";
            } else {
              mode = "skip";
              depth = 0;
            }
          } else if (!isSpace(c)) fail(`malformed JSON object: expected ":" after "${key}"`, docFirstLine, text);
          break;
        case "skip":
          if (c === QUOTE) inString = true;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
          else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            if (depth === 0) fail(keyMissing(), docFirstLine, text);
            else depth--;
          } else if (c === COMMA && depth === 0) mode = "key";
          break;
        case "after":
          // Keys after the array in an object are ignored; text after a top-level array would be data we drop.
          if (path.length > 0) return;
          if (!isSpace(c)) fail("unexpected text after the array's closing ]", line.number, text.slice(i));
          break;
        case "keyString":
        case "failed":
          return;
      }
      // fail() may have run inside the switch; TypeScript cannot see that assignment.
      if ((mode as Mode) === "failed") return;
      i++;
    }
    if (mode === "keyString" && inString) keyRaw += text.slice(i);
    if (mode === "element") {
      collect(segStart === 0 ? text : text.slice(segStart));
      collect("\n");
    }
  }

  return {
    push(line) {
      const out: JsonElement[] = [];
      lastSeen = line.number;
      if (mode === "failed") {
        if (failure !== null && failure.raw.length < RAW_MAX_CHARS) failure.raw = `${failure.raw}\n${line.text}`.slice(0, RAW_MAX_CHARS);
        return out;
      }
      if (line.error !== undefined && line.text.length >= LOSSY_TEXT_MAX_CHARS - 1 && mode !== "after") {
        // readLines cut this line: whatever brackets and quotes followed the cut are gone.
        const inElement = mode === "element";
        const raw = inElement ? `${elOversized ? elPreview : headOf(elParts)}${line.text}` : line.text;
        fail(
          `line ${line.number}: ${line.error}; the rest of the document cannot be split reliably`,
          inElement ? elFirstLine : line.number,
          raw,
        );
        return out;
      }
      scanLine(line, out);
      return out;
    },
    end() {
      const lastLine = lastSeen;
      switch (mode) {
        case "after":
          return [];
        case "failed":
          return failure === null ? [] : [{ ...failure, lastLine }];
        case "element": {
          const raw = elOversized ? elPreview : headOf(elParts);
          return [{ problem: "the file ends inside this element (truncated?)", firstLine: elFirstLine, lastLine, raw }];
        }
        case "array":
          return [{ problem: "the file ends before the array's closing ] (truncated?)", firstLine: arrayLine, lastLine, raw: "" }];
        default: {
          const problem = docFirstLine === 0 ? "the file holds no JSON" : `the file ends before the array at ${where} (truncated?)`;
          return [{ problem, firstLine: docFirstLine || lastLine, lastLine, raw: "" }];
        }
      }
    },
  };
}
