// Encoding for COPY's text format: one row per line, tab between columns, \N for null.

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL must be found to be replaced (Postgres text cannot hold it)
const SPECIAL = /[\\\t\n\r\u0000]/;

/** One value as a COPY text field. NUL cannot be stored in Postgres text, so it becomes U+FFFD. */
export function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  const s = typeof value === "number" ? String(value) : value;
  if (!SPECIAL.test(s)) return s;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: as above
  return s.replace(/[\\\t\n\r\u0000]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\uFFFD",
  );
}

/** A row of fields as one COPY line (with its newline). */
export function copyRow(fields: readonly (string | number | null | undefined)[]): string {
  let out = "";
  for (let i = 0; i < fields.length; i++) out += (i ? "\t" : "") + copyField(fields[i]);
  return `${out}\n`;
}
