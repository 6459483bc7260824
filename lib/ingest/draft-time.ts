import type { EventDraft } from "./canonical";
import { createTimestampParser, isTimeError, type ParsedTime } from "./time/parse-timestamp";

/** A draft's instant, with the zone assumed (null when the source stated it), or why it has none. */
export type DraftTime = (ParsedTime & { text: string }) | { error: string; text: string };

/**
 * Reads drafts' timestamps the way an import does: the draft's own time format wins over the
 * import's, and a source that states UTC ("[UTC]" columns, API records) assumes no zone.
 * One timestamp parser per (format, zone), kept for the whole file: they carry syslog year state.
 */
export function createDraftTimeReader(options: { zone?: string; timeFormat?: string; year?: number }) {
  const parsers = new Map<string, ReturnType<typeof createTimestampParser>>();
  return (draft: EventDraft): DraftTime => {
    const zone = draft.isZoneStated ? "UTC" : (options.zone ?? "UTC");
    const format = draft.timeFormat ?? options.timeFormat;
    const key = `${format ?? ""}|${zone}`;
    let parse = parsers.get(key);
    if (!parse) {
      parse = createTimestampParser({ zone, format, year: options.year });
      parsers.set(key, parse);
    }
    const text = String(draft.time);
    const t = parse(text);
    if (isTimeError(t)) return { error: t.error, text };
    return { ...t, assumedZone: draft.isZoneStated ? null : t.assumedZone, text };
  };
}
