import type { ParseOutput, RecordParser } from "../canonical";
import { guessMapping, mapperFromMapping } from "../field-mapping";
import { createJsonArraySplitter } from "../read/json-array";
import { type Format, isObject, type Sample } from "./format";

// Where the array sits: a bare array, or the array of a wrapper object (CloudTrail's
// {"Records":[…]}, Graph API's {"value":[…]}).
function arrayPath(sample: Sample): string[] | null {
  const head = sample.lines.join("\n").trimStart();
  if (head.startsWith("[")) return [];
  // Graph pages may put "@odata.context" and friends before "value".
  const m = /^\{\s*(?:"@odata[^"]*"\s*:\s*(?:"(?:[^"\\]|\\.)*"|\d+)\s*,\s*)*"(Records|value|records|events|data|items)"\s*:\s*\[/.exec(
    head,
  );
  return m?.[1] ? [m[1]] : null;
}

/** Keys of the first objects in the sample, found by splitting the (partial) sample text. */
function arrayKeys(sample: Sample): string[] {
  const path = arrayPath(sample);
  if (!path) return [];
  const splitter = createJsonArraySplitter(path);
  const keys = new Set<string>();
  sample.lines.forEach((text, i) => {
    for (const el of splitter.push({ text, number: i + 1 })) {
      if ("value" in el && isObject(el.value)) for (const k of Object.keys(el.value)) keys.add(k);
    }
  });
  return [...keys];
}

function createParser(sample: Sample): RecordParser {
  const splitter = createJsonArraySplitter(arrayPath(sample) ?? []);
  const convert = (els: ReturnType<typeof splitter.push>): ParseOutput[] =>
    els.map((el) => {
      if ("problem" in el) return { kind: "problem", line: el.firstLine, reason: el.problem, rawText: el.raw };
      if (!isObject(el.value))
        return { kind: "problem", line: el.firstLine, reason: "array element is not a JSON object", rawText: JSON.stringify(el.value) };
      return { kind: "record", line: el.firstLine, raw: el.value, rawText: JSON.stringify(el.value), isRawTextJson: true };
    });
  return {
    push: (lines) => {
      const out: ParseOutput[] = [];
      for (const line of lines) {
        // A line that failed to decode still goes to the splitter, which fails the element it
        // belongs to and keeps its place in the document.
        out.push(...convert(splitter.push(line)));
      }
      return out;
    },
    end: () => convert(splitter.end()),
  };
}

export const jsonArrayFormat: Format = {
  name: "json-array",
  label: "JSON array",
  description: 'A JSON array of objects, or an object wrapping one ({"Records":[…]}, {"value":[…]}); read element by element, never whole.',
  example:
    '[\n  {"time":"2023-05-15T03:12:44Z","message":"login ok","user":"alice@example.test"},\n  {"time":"2023-05-15T03:13:02Z","message":"mail read","user":"alice@example.test"}\n]',
  detect: (sample) => (arrayPath(sample) ? 40 : 0),
  createParser,
  createMapper: (sample, mapping) => mapperFromMapping(guessMapping(arrayKeys(sample), mapping)),
  sampleFields: arrayKeys,
};
