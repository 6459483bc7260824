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
};

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
  return { fileName, format: format.name, candidates, fields: format.sampleFields(sample), rows };
}
