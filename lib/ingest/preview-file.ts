import path from "node:path";
import { detectFormat } from "./detect";
import { createDraftTimeReader } from "./draft-time";
import type { FieldMapping } from "./field-mapping";
import { fileLines, planInput, readSample } from "./file-input";
import { FORMATS } from "./formats/registry";
import { type TImportOptionsInput, ZImportOptions } from "./import-options";
import { redactedRaw, unreadableRecord } from "./normalize";
import { redactText } from "./redact/redact";
import { formatEpochUs } from "./time/parse-timestamp";

/** One row as it would be imported, or why it would be rejected. */
export type PreviewRow = {
  line: number;
  error?: string;
  time?: string;
  occurredAt?: string;
  assumedZone?: string | null;
  message?: string;
  actor?: string;
  host?: string;
  srcIp?: string;
  action?: string;
};

/** What the upload form shows before committing an import. */
export type Preview = {
  fileName: string;
  format: string;
  /** Every format that would read this file, best first, with its detection score. */
  candidates: { name: string; label: string; score: number }[];
  fields: string[];
  rows: PreviewRow[];
  /** Set when most sampled rows would be rejected, or there are none: what the import would end as, and why. */
  warning?: string;
};

/**
 * The warning over a preview: no rows means the import would end "empty"; more than half the
 * sampled rows rejected means it would mostly fail, and the commonest reason says what to change.
 */
export function previewWarning(rows: PreviewRow[]): string | undefined {
  if (rows.length === 0) return "No records in this file: it is empty or holds only a header. Importing it would store nothing.";
  const rejected = rows.filter((r) => r.error);
  if (rejected.length * 2 <= rows.length) return undefined;
  const counts = new Map<string, number>();
  for (const r of rejected) counts.set(r.error as string, (counts.get(r.error as string) ?? 0) + 1);
  const [reason] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [""];
  const share = rejected.length === rows.length ? "All" : `${rejected.length} of ${rows.length}`;
  return `${share} sampled rows would be rejected: ${reason}. Check the format, the time zone and the field mapping (Time above all).`;
}

/** Reads the first rows of a file the way the import would, without touching the database. */
export async function previewFile(
  filePath: string,
  options: TImportOptionsInput = {},
  fileName = path.basename(filePath),
  limit = 10,
): Promise<Preview> {
  const opts = ZImportOptions.parse(options);
  const plan = await planInput(filePath, fileName);
  const sample = await readSample(filePath, plan, fileName);
  const format = detectFormat(sample, opts.format);
  const parser = format.createParser(sample);
  const mapper = format.createMapper(sample, opts.mapping as FieldMapping);
  const rows: PreviewRow[] = [];
  const readTime = createDraftTimeReader(opts);
  // The preview shows rows as they would be stored: redacted, reasons too (they can quote the line).
  const reason = (text: string) => (opts.redact ? redactText(text, "reason", []) : text);
  outer: for await (const batch of fileLines(filePath, plan)) {
    for (const o of parser.push(batch)) {
      if (o.kind === "problem") rows.push({ line: o.line, error: reason(o.reason) });
      else {
        let d: ReturnType<typeof mapper>;
        try {
          d = mapper(redactedRaw(o.raw, opts.redact, []));
        } catch (err) {
          d = unreadableRecord(err);
        }
        if ("error" in d) rows.push({ line: o.line, error: reason(d.error) });
        else {
          const t = readTime(d);
          rows.push({
            line: o.line,
            time: String(d.time),
            ...("error" in t ? { error: reason(t.error) } : { occurredAt: formatEpochUs(t.epochUs), assumedZone: t.assumedZone }),
            message: d.message.slice(0, 300),
            actor: d.actor,
            host: d.host,
            srcIp: d.srcIp,
            action: d.action,
          });
        }
      }
      if (rows.length >= limit) break outer;
    }
  }
  const candidates = FORMATS.map((f) => ({ name: f.name, label: f.label, score: f.detect(sample) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score);
  const warning = previewWarning(rows);
  return { fileName, format: format.name, candidates, fields: format.sampleFields(sample), rows, ...(warning ? { warning } : {}) };
}
