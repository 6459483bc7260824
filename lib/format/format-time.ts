/** "2023-05-15 03:12:44 UTC" in the given zone: analysts read times, not locales. */
export function formatDateTime(date: Date, timeZone = "UTC"): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")} ${get("timeZoneName")}`;
}

/** "2023-05-15" in the given zone: the day something happened, where the time would be noise. */
export function formatDate(date: Date, timeZone = "UTC"): string {
  return formatDateTime(date, timeZone).slice(0, 10);
}
