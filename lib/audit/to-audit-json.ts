import type { Prisma } from "@/lib/generated/prisma/client";

/** A row as JSON the audit log can hold: Dates as ISO strings, BigInts as strings. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}
