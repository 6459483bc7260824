/**
 * One CSV cell, quoted when needed and safe from formula injection: a value a spreadsheet would run
 * (starting with = + - @, a tab or a carriage return) is prefixed with a single quote, as OWASP advises.
 */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ""
      : typeof value === "string"
        ? value
        : value instanceof Date
          ? value.toISOString()
          : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line (CRLF-terminated, as RFC 4180 has it). */
export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
