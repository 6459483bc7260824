/** A day in the incident's zone: executives read dates, the timeline has the seconds. */
export function day(iso: string | null | undefined, zone: string): string {
  if (!iso) return "an unknown date";
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}
