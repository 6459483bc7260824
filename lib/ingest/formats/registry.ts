import { MICROSOFT_CLOUD_FORMATS } from "../parsers/microsoft-cloud";
import { OTHER_FORMATS } from "../parsers/other-sources";
import { WINDOWS_FORMATS } from "../parsers/windows";
import { csvFormat } from "./csv";
import type { Format } from "./format";
import { jsonArrayFormat } from "./json-array";
import { jsonLinesFormat } from "./jsonl";
import { timesketchCsvFormat, timesketchJsonlFormat } from "./timesketch";

/**
 * Every format, in the order that breaks detection ties: a more specific format (higher
 * detect score) wins; on equal scores the one listed first wins. Format-specific parsers
 * (M365, Entra, Windows…) score above the generic ones.
 */
export const FORMATS: readonly Format[] = [
  ...MICROSOFT_CLOUD_FORMATS,
  ...WINDOWS_FORMATS,
  ...OTHER_FORMATS,
  timesketchJsonlFormat,
  timesketchCsvFormat,
  jsonLinesFormat,
  jsonArrayFormat,
  csvFormat,
];

export function formatByName(name: string): Format | undefined {
  return FORMATS.find((f) => f.name === name);
}
