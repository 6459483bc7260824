/**
 * SQL for a timestamptz as microsecond ISO text in UTC, e.g. 2021-04-20T07:42:13.485321Z:
 * Prisma and pg hand back JS Dates, which keep milliseconds only.
 */
export function isoMicros(column: string): string {
  return `to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
