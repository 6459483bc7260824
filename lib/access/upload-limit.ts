import { recordAuditSql } from "@/lib/audit/record-audit-sql";
import type { Ctx } from "@/lib/context/ctx";
import { TooManyRequestsError } from "@/lib/errors/too-many-requests";
import { hitWindow, retryAfterSeconds } from "./rate-limit";

/** Uploads per user per hour (CHAINLINE_UPLOADS_PER_HOUR changes it). */
export function uploadsPerHour(): number {
  return Number(process.env.CHAINLINE_UPLOADS_PER_HOUR) || 120;
}

/** Counts one upload for the actor (a log into an incident, or a case file making one); past the hourly limit it is refused (429) and audited. */
export async function countUpload(ctx: Ctx, incidentId: string | null): Promise<void> {
  const state = await hitWindow(ctx.db.sql, `upload:user:${ctx.actor.userId}`, 3600);
  if (state.count <= uploadsPerHour()) return;
  const retryAfter = retryAfterSeconds(state);
  await recordAuditSql(ctx.db.sql, ctx, {
    action: "upload.rate-limited",
    // A case file is uploaded to make an incident: there is none yet, so the entry is the user's.
    entityType: incidentId ? "Incident" : "User",
    entityId: incidentId ?? ctx.actor.userId,
    incidentId,
    after: { uploads: state.count, retryAfter },
  });
  throw new TooManyRequestsError(`more than ${uploadsPerHour()} uploads in an hour: try again later`, retryAfter);
}
