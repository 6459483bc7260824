import type { ParseOutput, RecordParser } from "../canonical";
import { isObject, type Sample } from "../formats/format";
import type { Line } from "../read/read-lines";

/** A pretty-printed record is a few KB; this many characters without its closing brace is a broken file. */
const MAX_OBJECT_CHARS = 64 * 1024 * 1024;

/** Index just past the brace that closes the object opened at `from`, or -1; `state` carries over lines. */
function scanObject(text: string, from: number, state: { depth: number; inString: boolean }): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (state.inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) state.inString = false;
    } else if (c === 34) state.inString = true;
    else if (c === 123 || c === 91) state.depth++;
    else if (c === 125 || c === 93) {
      state.depth--;
      if (state.depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * JSON objects one after another: one a line (JSONL), or pretty printed over many lines, optionally
 * each after a header line (evtx_dump's "Record 12"). JSON strings never hold a raw line break, so a
 * record still open inside a string at the end of a line, or one interrupted by a new record at the
 * start of a line, is reported and the parser resumes at the next record.
 */
export function createJsonObjectsParser(options: { header?: RegExp } = {}): RecordParser {
  let buf: string[] = [];
  let start = 0;
  let chars = 0;
  let skipping = false;
  const state = { depth: 0, inString: false };

  const finish = (out: ParseOutput[]) => {
    const text = buf.join("\n");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      out.push({ kind: "problem", line: start, reason: `invalid JSON: ${(err as Error).message}`, rawText: text.slice(0, 2_000) });
    }
    if (value !== undefined) {
      if (isObject(value)) out.push({ kind: "record", line: start, raw: value, rawText: text, isRawTextJson: true });
      else out.push({ kind: "problem", line: start, reason: "not a JSON object", rawText: text.slice(0, 2_000) });
    }
    buf = [];
  };
  const abandon = (out: ParseOutput[], reason: string) => {
    out.push({ kind: "problem", line: start, reason, rawText: buf.join("\n").slice(0, 2_000) });
    buf = [];
  };

  const take = (line: Line, out: ParseOutput[]) => {
    const t = line.text;
    const trimmed = t.trim();
    const startsRecord = t.startsWith("{") || (options.header?.test(trimmed) ?? false);
    if (buf.length > 0 && startsRecord) abandon(out, "JSON object cut short: a new record starts before it ends");
    if (buf.length === 0) {
      if (trimmed === "" || options.header?.test(trimmed)) {
        skipping = false;
        return;
      }
      if (!trimmed.startsWith("{")) {
        if (!skipping) out.push({ kind: "problem", line: line.number, reason: "not a JSON object", rawText: t });
        return;
      }
      skipping = false;
      // Most lines are a whole object: parse them straight away, scanning only when that fails.
      const whole = trimmed.endsWith("}") ? tryParse(trimmed) : undefined;
      if (isObject(whole)) {
        out.push({ kind: "record", line: line.number, raw: whole, rawText: t, isRawTextJson: true });
        return;
      }
      start = line.number;
      chars = 0;
      state.depth = 0;
      state.inString = false;
    }
    buf.push(t);
    chars += t.length + 1;
    const end = scanObject(t, buf.length === 1 ? t.indexOf("{") : 0, state);
    if (end !== -1 || state.depth <= 0) finish(out);
    else if (state.inString) {
      abandon(out, "JSON object broken: a string runs past the end of the line");
      skipping = true;
    } else if (chars > MAX_OBJECT_CHARS) {
      abandon(out, `JSON object longer than ${MAX_OBJECT_CHARS} characters`);
      skipping = true;
    }
  };

  return {
    push(lines) {
      const out: ParseOutput[] = [];
      for (const line of lines) {
        if (line.error) {
          if (buf.length > 0) abandon(out, `JSON object broken by unreadable line ${line.number}`);
          out.push({ kind: "problem", line: line.number, reason: line.error, rawText: line.text });
          continue;
        }
        take(line, out);
      }
      return out;
    },
    end() {
      const out: ParseOutput[] = [];
      if (buf.length > 0) abandon(out, "JSON object not closed at the end of the file");
      return out;
    },
  };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Every JSON format here detects on the same sample: parse it once per sample (and header), not once per format.
const sampleCache = new WeakMap<Sample, Map<string, Record<string, unknown>[]>>();

/** The first objects in a sample, pretty printed or one a line (a cut last record is left out). */
export function sampleObjects(sample: Sample, header?: RegExp, max = 20): Record<string, unknown>[] {
  const key = header?.source ?? "";
  const bySample = sampleCache.get(sample) ?? new Map<string, Record<string, unknown>[]>();
  sampleCache.set(sample, bySample);
  let objects = bySample.get(key);
  if (!objects) {
    const parser = createJsonObjectsParser({ header });
    const out = parser.push(sample.lines.map((text, i) => ({ text, number: i + 1 })));
    objects = out.flatMap((o) => (o.kind === "record" ? [o.raw] : []));
    bySample.set(key, objects);
  }
  return objects.slice(0, max);
}
