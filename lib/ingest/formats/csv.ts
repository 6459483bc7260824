import type { ParseOutput, RecordParser } from "../canonical";
import { guessMapping, mapperFromMapping } from "../field-mapping";
import { type CsvProblem, type CsvRow, createCsvAssembler, detectDelimiter, uniqueHeaders } from "../read/csv-rows";
import { withTimeByValues } from "../time-column";
import { type Format, type Sample, wholeLines } from "./format";

function isProblem(x: CsvRow | CsvProblem): x is CsvProblem {
  return "problem" in x;
}

/** The header cells of a CSV sample (empty when the first line has no delimiter). */
export function csvHeader(sample: Sample): string[] {
  const first = sample.lines.find((l) => l.trim() !== "");
  if (!first) return [];
  const asm = createCsvAssembler(detectDelimiter(first));
  const row = asm.push({ text: first, number: 1 }) ?? asm.end();
  return row && !isProblem(row) && row.cells.length > 1 ? uniqueHeaders(row.cells) : [];
}

/** Reads rows into objects keyed by the header; the first non-blank row is the header. */
export function createCsvParser(sample: Sample): RecordParser {
  const first = sample.lines.find((l) => l.trim() !== "") ?? "";
  const asm = createCsvAssembler(detectDelimiter(first));
  let header: string[] | null = null;

  const take = (row: CsvRow | CsvProblem | null, out: ParseOutput[]) => {
    if (!row) return;
    if (isProblem(row)) {
      out.push({ kind: "problem", line: row.firstLine, reason: row.problem, rawText: row.raw });
      return;
    }
    // A blank line between rows: nothing to import.
    if (row.cells.length === 1 && row.cells[0]?.trim() === "") return;
    if (!header) {
      header = uniqueHeaders(row.cells);
      return;
    }
    // Trailing empty cells beyond the header are an exporter's habit, not data.
    let cells = row.cells;
    while (cells.length > header.length && cells.at(-1) === "") cells = cells.slice(0, -1);
    if (cells.length !== header.length) {
      out.push({
        kind: "problem",
        line: row.firstLine,
        reason: `row has ${cells.length} cells, the header has ${header.length}`,
        rawText: row.raw,
      });
      return;
    }
    const raw: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i++) raw[header[i] as string] = cells[i];
    // The full cells (not the bounded display text) identify the row for the fingerprint.
    out.push({ kind: "record", line: row.firstLine, raw, rawText: cells.join("\u001f"), lineText: row.raw });
  };

  return {
    push(lines) {
      const out: ParseOutput[] = [];
      for (const line of lines) {
        take(asm.push(line), out);
      }
      return out;
    },
    end() {
      const out: ParseOutput[] = [];
      take(asm.end(), out);
      return out;
    },
  };
}

/** The records of a CSV sample, read as the import would read them. */
export function csvSampleRecords(sample: Sample): Record<string, unknown>[] {
  const parser = createCsvParser(sample);
  const lines = wholeLines(sample).map((text, i) => ({ text, number: i + 1 }));
  return [...parser.push(lines), ...parser.end()].flatMap((o) => (o.kind === "record" ? [o.raw] : []));
}

/** A header of two or more named cells, and a first line that is not JSON. */
function looksLikeCsv(sample: Sample): boolean {
  const first = sample.lines.find((l) => l.trim() !== "")?.trimStart() ?? "";
  if (first.startsWith("{") || first.startsWith("[")) return false;
  const header = csvHeader(sample);
  return header.length >= 2 && header.filter((h) => !h.startsWith("column_")).length >= 2;
}

export const csvFormat: Format = {
  name: "csv",
  label: "CSV / TSV with a header",
  description:
    "Comma, semicolon, tab or pipe separated, with a header row; quoted cells may hold delimiters and newlines; a UTF-8 BOM is fine.",
  example: "Date,User,Action,Client IP\n2023-05-15 03:12:44,alice@example.test,MailItemsAccessed,203.0.113.7",
  detect: (sample) => (looksLikeCsv(sample) ? 30 : 0),
  createParser: createCsvParser,
  createMapper: (sample, mapping) => {
    const header = csvHeader(sample);
    return mapperFromMapping(withTimeByValues(guessMapping(header, mapping), header, csvSampleRecords(sample)));
  },
  sampleFields: csvHeader,
};
