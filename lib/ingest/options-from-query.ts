import { parseMappingFlag } from "./field-mapping";
import type { TImportOptionsInput } from "./import-options";

/** Import options from URL query parameters (the one-shot upload API): format, tz, timeFormat, year, map, redact, retentionDays, replace. */
export function optionsFromQuery(q: URLSearchParams): TImportOptionsInput {
  const num = (k: string) => (q.has(k) ? Number(q.get(k)) : undefined);
  return {
    format: q.get("format") ?? undefined,
    zone: q.get("tz") ?? undefined,
    timeFormat: q.get("timeFormat") ?? undefined,
    year: num("year"),
    mapping: q.get("map") ? parseMappingFlag(q.get("map") as string) : {},
    redact: q.get("redact") !== "false",
    retentionDays: num("retentionDays"),
    replace: q.get("replace") === "true",
  };
}
