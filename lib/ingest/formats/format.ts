import type { RecordMapper, RecordParser } from "../canonical";
import type { FieldMapping } from "../field-mapping";

/** The start of a file, for detection and for guessing a field mapping. */
export type Sample = {
  fileName: string;
  /** Up to the first 64 lines (BOM removed); the last may be cut short. */
  lines: string[];
};

/** One input format: how to recognise it, read it, and map its records to canonical fields. */
export type Format = {
  name: string;
  label: string;
  description: string;
  /** A short, synthetic example of the format, shown by `chainline formats` and the formats page. */
  example: string;
  /** 0 when the sample is not this format; higher means a more specific match. */
  detect(sample: Sample): number;
  createParser(sample: Sample): RecordParser;
  /** The mapper for this file; `mapping` (from the user) overrides the format's own choice field by field. */
  createMapper(sample: Sample, mapping: FieldMapping): RecordMapper;
  /** Field names seen in the sample, for the mapping form. */
  sampleFields(sample: Sample): string[];
};

/** Non-empty sample lines, with the last one dropped when the sample may have cut it. */
export function wholeLines(sample: Sample): string[] {
  const lines = sample.lines.length >= 64 ? sample.lines.slice(0, -1) : sample.lines;
  return lines.filter((l) => l.trim() !== "");
}

/** JSON.parse that returns undefined instead of throwing. */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
