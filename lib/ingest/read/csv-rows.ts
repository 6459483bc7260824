import { formatSize, type Line, LOSSY_TEXT_MAX_CHARS } from "./read-lines";

export type CsvRow = {
  cells: string[];
  firstLine: number;
  lastLine: number;
  /** The row's text, bounded to 4,000 chars, for error reports. */
  raw: string;
};
export type CsvProblem = { problem: string; firstLine: number; lastLine: number; raw: string };
export type CsvAssembler = { push(line: Line): CsvRow | CsvProblem | null; end(): CsvRow | CsvProblem | null };
export type CsvDelimiter = "," | ";" | "\t" | "|";

export const DEFAULT_MAX_ROW_BYTES = 64 * 1024 * 1024;
export const RAW_MAX_CHARS = 4_000;
const QUOTE = 0x22;
// Order breaks ties: a comma file with as many `;` in its header as commas is still far likelier to be a comma file.
const CANDIDATES: CsvDelimiter[] = [",", "\t", ";", "|"];

/** The candidate seen most often outside quotes in the header line; ties and a header without any go to ",". */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<string, number>(CANDIDATES.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ",";
  for (const d of CANDIDATES) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Trimmed header names made unique (`Name`, `Name_2`, …); empty ones become `column_<n>` (1-based position). Case-sensitive. */
export function uniqueHeaders(cells: string[]): string[] {
  const wanted = cells.map((cell, i) => cell.trim() || `column_${i + 1}`);
  // Names that appear as written are reserved, so a later "Name_2" keeps its name and the duplicate "Name" becomes "Name_3".
  const taken = new Set(wanted);
  const seen = new Set<string>();
  return wanted.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let k = 2;
    while (taken.has(`${name}_${k}`)) k++;
    const unique = `${name}_${k}`;
    taken.add(unique);
    return unique;
  });
}

/**
 * Rows from lines, RFC 4180 plus what real exports do: a quote only opens a quoted cell at the start of a cell
 * (elsewhere it is literal, as in Excel), text after a closing quote is appended to the cell, and a quoted cell may
 * span lines (rejoined with `\n`, since readLines dropped any `\r`). Blank lines outside quotes are skipped (null).
 *
 * Problems, each covering the lines it consumed:
 * - a Line with `error`: the row containing it becomes a problem with that reason. Its lossy text still keeps the
 *   quotes, so the row's extent is found as usual; but if the text was cut (a too-long line), the row ends there.
 * - a row over `maxRowBytes` (usually a stray opening quote swallowing the file): reported as soon as it passes the
 *   limit, ending with the current line. Resynchronising: the assembler forgets the open quote and takes the next
 *   line as the start of a new row, outside quotes. (A genuine cell that large would leave its remaining lines to be
 *   read as rows of their own; the caller sees them as problems or wrong cell counts.)
 * - end() inside a quoted cell: "unterminated quoted cell starting on line N".
 */
export function createCsvAssembler(delimiter: string, options: { maxRowBytes?: number } = {}): CsvAssembler {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n")
    throw new RangeError(`unusable CSV delimiter ${JSON.stringify(delimiter)}`);
  const maxRowBytes = options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;

  // State of the row in progress; `firstLine === 0` means none.
  let firstLine = 0;
  let lastLine = 0;
  let cells: string[] = [];
  let cell = "";
  let atCellStart = true;
  let inQuotes = false;
  let quoteLine = 0;
  let rowBytes = 0;
  let raw = "";
  let lineError: string | null = null;

  function finish(): CsvRow | CsvProblem {
    const done = lineError === null ? { cells, firstLine, lastLine, raw } : { problem: lineError, firstLine, lastLine, raw };
    firstLine = 0;
    cells = [];
    cell = "";
    atCellStart = true;
    inQuotes = false;
    rowBytes = 0;
    raw = "";
    lineError = null;
    return done;
  }

  function fail(reason: string): CsvProblem {
    lineError = reason;
    return finish() as CsvProblem;
  }

  /** Runs the cell state machine over one line's text, continuing a quoted cell from the previous line if need be. */
  function scan(text: string, number: number): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (inQuotes) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          cell += text.slice(i);
          return;
        }
        cell += text.slice(i, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          cell += '"';
          i = q + 2;
        } else {
          inQuotes = false;
          i = q + 1;
        }
      } else if (atCellStart && text.charCodeAt(i) === QUOTE) {
        inQuotes = true;
        quoteLine = number;
        atCellStart = false;
        i++;
      } else {
        const d = text.indexOf(delimiter, i);
        // A quote inside an unquoted cell is literal, so plain text runs to the next delimiter.
        cell += text.slice(i, d === -1 ? n : d);
        if (d === -1) {
          atCellStart = false;
          return;
        }
        cells.push(cell);
        cell = "";
        atCellStart = true;
        i = d + 1;
      }
    }
  }

  return {
    push(line) {
      const continuing = firstLine !== 0;
      if (!continuing) {
        if (line.text.length === 0 && line.error === undefined) return null;
        firstLine = line.number;
        raw = line.text.length > RAW_MAX_CHARS ? line.text.slice(0, RAW_MAX_CHARS) : line.text;
      } else {
        // Only a quoted cell carries on to another line. Lines the caller skipped (blank ones) still count as breaks.
        const breaks = line.number - lastLine > 1 ? "\n".repeat(line.number - lastLine) : "\n";
        cell += breaks;
        rowBytes += breaks.length;
        if (raw.length < RAW_MAX_CHARS) raw = `${raw}${breaks}${line.text.slice(0, RAW_MAX_CHARS)}`.slice(0, RAW_MAX_CHARS);
      }
      lastLine = line.number;
      if (line.error !== undefined) {
        const reason = continuing ? `line ${line.number}: ${line.error}` : line.error;
        // A cut text has lost whatever quotes followed the cut, so the row cannot be followed past it.
        if (line.text.length >= LOSSY_TEXT_MAX_CHARS - 1) return fail(reason);
        lineError ??= reason;
      }
      rowBytes += Buffer.byteLength(line.text);
      if (rowBytes > maxRowBytes) {
        const why = continuing ? ` (the quoted cell opened on line ${quoteLine} may never close)` : "";
        return fail(`row longer than ${formatSize(maxRowBytes)}${why}`);
      }
      scan(line.text, line.number);
      if (inQuotes) return null;
      cells.push(cell);
      return finish();
    },
    end() {
      if (firstLine === 0) return null;
      const also = lineError === null ? "" : ` (and ${lineError})`;
      return fail(`unterminated quoted cell starting on line ${quoteLine}${also}`);
    },
  };
}
