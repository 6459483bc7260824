/**
 * The moment "as of" a date means: a bare YYYY-MM-DD is the end of that day (UTC), what was believed
 * on it; an ISO time is that instant. Anything else, or a day that does not exist, is an error the
 * caller shows, never a silent "now".
 */
export function parseAsOf(raw: string | null | undefined): { asOf: Date | null } | { error: string } {
  if (raw === null || raw === undefined || raw === "") return { asOf: null };
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  if (!isDay && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) {
    return { error: `"${raw}" is not a date: use YYYY-MM-DD, or an ISO time with its zone` };
  }
  const d = new Date(isDay ? `${raw}T23:59:59.999Z` : raw);
  if (Number.isNaN(d.getTime()) || (isDay && d.toISOString().slice(0, 10) !== raw))
    return { error: `"${raw}" is not a day of the calendar` };
  return { asOf: d };
}
