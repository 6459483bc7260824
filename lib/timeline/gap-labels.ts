import type { GapReason } from "@/lib/generated/prisma/enums";

const REASON_LABEL: Record<GapReason, string> = {
  retention: "retention",
  not_collected: "not collected",
  outage: "outage",
  quiet_period: "quiet period",
};

/** A gap's reason in plain words ("not collected"). */
export function gapReasonLabel(reason: GapReason): string {
  return REASON_LABEL[reason];
}
