import { z } from "zod";
import { createZoneResolver } from "@/lib/ingest/time/zone-offset";

export type IncidentStatusName = "open" | "contained" | "closed";
export type Lifecycle = { status: IncidentStatusName; containedAt: Date | null; closedAt: Date | null };
type Field = "containedAt" | "closedAt" | "status";

/** A date a minute or more ahead of the clock is a typing slip, not a record of what happened. */
const FUTURE_SLACK_MS = 60_000;

function refuse(field: Field, message: string): never {
  throw new z.ZodError([{ code: "custom", path: [field], message, input: undefined }]);
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An instant from ISO 8601 with an offset, or from a wall time read in the incident's zone. */
export function readInstant(field: Field, text: string, zone: string): Date {
  const wall = WALL_TIME.exec(text);
  if (wall) {
    const [, y, mo, d, h, mi, s] = wall.map(Number) as number[];
    const local = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s || 0);
    const check = new Date(local);
    const badClock = (h as number) > 23 || (mi as number) > 59 || (s ?? 0) > 59;
    if (badClock || check.getUTCMonth() !== (mo as number) - 1 || check.getUTCDate() !== d) refuse(field, `no such date: ${text}`);
    return new Date(createZoneResolver(zone)(local));
  }
  const at = WITH_OFFSET.test(text) ? new Date(text) : null;
  if (!at || Number.isNaN(at.getTime())) refuse(field, `"${text}" is not a date and time (2023-07-11T14:00, or ISO 8601 with an offset)`);
  return at;
}

/**
 * The lifecycle after a change. Contained stamps containedAt (now, unless given); closed stamps
 * closedAt and, when containment was never recorded, takes the closing time for it too (an
 * incident closed was contained by then); reopening clears both. Dates can be corrected without a
 * change of status, but only those the status has. Neither may lie ahead of now, and containment
 * never follows closing.
 */
export function nextLifecycle(
  current: Lifecycle,
  change: { status?: IncidentStatusName; containedAt?: Date | null; closedAt?: Date | null },
  now: Date,
): Lifecycle {
  const status = change.status ?? current.status;
  let containedAt = change.containedAt === undefined ? current.containedAt : change.containedAt;
  let closedAt = change.closedAt === undefined ? current.closedAt : change.closedAt;
  if (status === "open") {
    if (change.containedAt || change.closedAt) refuse("status", "an open incident has no containment or closing date");
    return { status, containedAt: null, closedAt: null };
  }
  if (status === "contained") {
    if (change.closedAt) refuse("closedAt", "only a closed incident has a closing date");
    containedAt ??= now;
    closedAt = null;
  } else {
    if (change.containedAt === null)
      refuse("containedAt", "a closed incident was contained by its closing: give the date, or leave it out");
    closedAt ??= now;
    containedAt ??= closedAt;
  }
  for (const [field, at] of [
    ["containedAt", containedAt],
    ["closedAt", closedAt],
  ] as const) {
    if (at && at.getTime() > now.getTime() + FUTURE_SLACK_MS) refuse(field, "lies in the future");
  }
  if (containedAt && closedAt && containedAt > closedAt) refuse("containedAt", "containment cannot come after closing");
  return { status, containedAt, closedAt };
}
