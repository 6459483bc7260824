import type { RecordParser } from "../canonical";
import { createLineRecordParser } from "../formats/line-records";

/** Decodes the \xHH escapes Zeek writes in its header ("#separator \x09"). */
function unescapeHex(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** The header lines of a Zeek ASCII log, for detection and field names. */
export function zeekHeader(lines: readonly string[]): { separator: string; path?: string; fields: string[] } {
  let separator = "\t";
  let path: string | undefined;
  let fields: string[] = [];
  for (const line of lines) {
    if (!line.startsWith("#")) break;
    if (line.startsWith("#separator ")) separator = unescapeHex(line.slice("#separator ".length));
    const [key, ...values] = line.split(separator);
    if (key === "#path") path = values.join(separator);
    else if (key === "#fields") fields = values;
  }
  return { separator, path, fields };
}

/**
 * Reads Zeek's ASCII (TSV) logs. The "#" header sets the separator, path and field names, and may
 * appear again mid-file (logs concatenated); "#close" ends a log. Values are kept exactly as written
 * ("-" unset, "(empty)" empty set, sets joined by ","), so raw is the row as read; the log's path is
 * added as `_path`, the name Zeek's JSON writer uses for it.
 */
export function createZeekTsvParser(): RecordParser {
  let separator = "\t";
  let path: string | undefined;
  let fields: string[] | null = null;

  const header = (text: string) => {
    if (text.startsWith("#separator ")) separator = unescapeHex(text.slice("#separator ".length));
    else {
      const [key, ...values] = text.split(separator);
      if (key === "#path") path = values.join(separator);
      else if (key === "#fields") fields = values;
      // A log ends with "#close"; a following log must bring its own header.
      else if (key === "#close") fields = null;
    }
  };

  return createLineRecordParser((line, out) => {
    const text = line.text;
    if (text.startsWith("#")) {
      header(text);
      return;
    }
    const names: string[] | null = fields;
    if (!names) {
      out.push({ kind: "problem", line: line.number, reason: "Zeek row before a #fields header", rawText: text });
      return;
    }
    const values = text.split(separator);
    if (values.length !== names.length) {
      const reason = `row has ${values.length} fields, #fields names ${names.length}`;
      out.push({ kind: "problem", line: line.number, reason, rawText: text });
      return;
    }
    const raw: Record<string, unknown> = {};
    names.forEach((name, i) => {
      raw[name] = values[i];
    });
    if (path !== undefined && !("_path" in raw)) raw._path = path;
    out.push({ kind: "record", line: line.number, raw, rawText: path === undefined ? text : `${path}\u001f${text}` });
  });
}
