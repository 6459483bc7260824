import type { ParseOutput, RecordParser } from "../canonical";
import { type Format, isObject, type Sample, tryJson, wholeLines } from "../formats/format";
import { createJsonLinesParser, isJsonLines } from "../formats/jsonl";
import { createJsonArraySplitter } from "../read/json-array";
import { isCloudTrailRecord } from "./cloudtrail-fields";
import { mapCloudTrail } from "./cloudtrail-mapper";

// CloudTrail's S3 files are {"Records":[…]}; `aws cloudtrail lookup-events` prints {"Events":[…]}.
const WRAPPER = /^\{\s*"(Records|Events)"\s*:\s*\[/;
const WRAPPED_TEXT = /"eventSource"\s*:\s*"[^"]*amazonaws\.com"|"CloudTrailEvent"\s*:/;

/** The records a whole JSON object stands for: a wrapper's elements, or the object itself. */
function unwrap(o: Record<string, unknown>): unknown[] {
  if (Array.isArray(o.Records)) return o.Records;
  if (Array.isArray(o.Events)) return o.Events;
  return [o];
}

/**
 * Lines of JSON objects: one record a line, or (concatenated S3 files, paged lookups) one wrapper
 * a line. Otherwise the file is one wrapper, minified or pretty-printed, read element by element
 * (so a broken minified file still yields the records before and after the break).
 */
function isLineMode(sample: Sample): boolean {
  return isJsonLines(sample) || !WRAPPER.test(sample.lines.join("\n").trimStart());
}

function firstRecords(sample: Sample): Record<string, unknown>[] {
  if (isLineMode(sample)) return wholeLines(sample).slice(0, 20).map(tryJson).filter(isObject).flatMap(unwrap).filter(isObject);
  const m = WRAPPER.exec(sample.lines.join("\n").trimStart());
  if (!m?.[1]) return [];
  const splitter = createJsonArraySplitter([m[1]]);
  const out: Record<string, unknown>[] = [];
  sample.lines.forEach((text, i) => {
    for (const el of splitter.push({ text, number: i + 1 })) if ("value" in el && isObject(el.value)) out.push(el.value);
  });
  return out;
}

function cloudTrailScore(sample: Sample): number {
  const first = firstRecords(sample)[0];
  if (first) return isCloudTrailRecord(first) ? 95 : 0;
  // A wrapper whose first record is longer than the sample: the text still says what it is.
  const head = sample.lines.join("\n").trimStart();
  return WRAPPER.test(head) && WRAPPED_TEXT.test(head) ? 95 : 0;
}

function lineParser(): RecordParser {
  const lines = createJsonLinesParser();
  const expand = (outs: ParseOutput[]): ParseOutput[] =>
    outs.flatMap((o): ParseOutput[] => {
      if (o.kind === "problem") return [o];
      const els = unwrap(o.raw);
      if (els.length === 1 && els[0] === o.raw) return [o];
      return els.map((el) =>
        isObject(el)
          ? { kind: "record", line: o.line, raw: el, rawText: JSON.stringify(el), isRawTextJson: true }
          : { kind: "problem", line: o.line, reason: "array element is not a JSON object", rawText: JSON.stringify(el) },
      );
    });
  return { push: (batch) => expand(lines.push(batch)), end: () => expand(lines.end()) };
}

function wrapperParser(sample: Sample): RecordParser {
  const key = WRAPPER.exec(sample.lines.join("\n").trimStart())?.[1] ?? "Records";
  const splitter = createJsonArraySplitter([key]);
  const convert = (els: ReturnType<typeof splitter.push>): ParseOutput[] =>
    els.map((el) => {
      if ("problem" in el) return { kind: "problem", line: el.firstLine, reason: el.problem, rawText: el.raw };
      if (!isObject(el.value))
        return { kind: "problem", line: el.firstLine, reason: "array element is not a JSON object", rawText: JSON.stringify(el.value) };
      return { kind: "record", line: el.firstLine, raw: el.value, rawText: JSON.stringify(el.value), isRawTextJson: true };
    });
  return {
    push(lines) {
      const out: ParseOutput[] = [];
      for (const line of lines) {
        if (line.error) out.push({ kind: "problem", line: line.number, reason: line.error, rawText: line.text });
        else out.push(...convert(splitter.push(line)));
      }
      return out;
    },
    end: () => convert(splitter.end()),
  };
}

function sampleFields(sample: Sample): string[] {
  const keys = new Set<string>();
  for (const r of firstRecords(sample)) for (const k of Object.keys(r)) keys.add(k);
  return [...keys];
}

export const cloudTrailFormat: Format = {
  name: "cloudtrail",
  label: "AWS CloudTrail",
  description:
    'CloudTrail as delivered ({"Records":[…]}, minified or pretty, also one file a line), one record a line, `aws cloudtrail lookup-events` output ({"Events":[…]} with the CloudTrailEvent string) and Logstash/Elastic copies (@timestamp, aws.cloudtrail.*). eventID is the record\'s id.',
  example:
    '{"Records":[{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"AKIAEXAMPLEKEY000001","userName":"alice"},"eventTime":"2023-05-15T03:12:44Z","eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.7","eventID":"6f1c6a0e-0000-4000-8000-000000000001","recipientAccountId":"111122223333"}]}',
  detect: cloudTrailScore,
  createParser: (sample) => (isLineMode(sample) ? lineParser() : wrapperParser(sample)),
  createMapper: () => mapCloudTrail,
  sampleFields,
};
