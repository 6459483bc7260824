import type { ParseOutput, RecordParser } from "../canonical";
import type { Line } from "../read/read-lines";

/**
 * A parser for formats with one record per line: a line that could not be decoded is a
 * problem, a blank line is skipped, and every other line goes to `read`, which pushes records
 * or problems. Shared so every line format accounts for lines the same way.
 */
export function createLineRecordParser(read: (line: Line, out: ParseOutput[]) => void, end: () => ParseOutput[] = () => []): RecordParser {
  return {
    push(lines) {
      const out: ParseOutput[] = [];
      for (const line of lines) {
        if (line.error) out.push({ kind: "problem", line: line.number, reason: line.error, rawText: line.text });
        else if (line.text.trim() !== "") read(line, out);
      }
      return out;
    },
    end,
  };
}
