import { z } from "zod";

/** True for a zone name Intl knows (IANA: UTC, Europe/Berlin, America/New_York…). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, UTC when absent. */
export const ZTimeZone = z.string().trim().default("UTC").refine(isTimeZone, "Not an IANA time zone (e.g. UTC, Europe/Berlin)");
