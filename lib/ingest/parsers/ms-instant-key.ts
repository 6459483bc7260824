import { createTimestampParser, formatEpochUs, isTimeError } from "../time/parse-timestamp";

/**
 * A record's instant to the second, as text, for ids that are not unique on their own. Exports of
 * one log differ in precision (Graph 7 digits, Log Analytics milliseconds), so the second is what
 * they all agree on.
 */
export function createInstantKey(): (time: string | undefined) => string {
  const parse = createTimestampParser({ zone: "UTC" });
  return (time) => {
    if (time === undefined) return "";
    const t = parse(time);
    return isTimeError(t) ? time : `${formatEpochUs(t.epochUs).slice(0, 19)}Z`;
  };
}
