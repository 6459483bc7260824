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

/** How a gap band reads: whose gap it is, and whether it only marks the time before its source begins. */
export type GapBandText = { text: string; isBeforeSource: boolean; tooltipPrefix: string };

/**
 * The words on a gap band. A gap that ends by its source's first event is the time before that
 * source begins (drawn apart from a gap inside or after its records); on the shared evidence-gaps
 * row each band also names its source, as nothing else there says whose gap it is. A tooltip
 * starts with tooltipPrefix, which says the same in a sentence.
 */
export function gapBandText(
  gap: { reason: GapReason; endAt: string },
  source: { name: string; firstEventAt: string | null } | undefined,
  isSharedRow: boolean,
): GapBandText {
  const isBeforeSource = Boolean(source?.firstEventAt && Date.parse(gap.endAt) <= Date.parse(source.firstEventAt as string));
  if (isBeforeSource) {
    const text = isSharedRow ? `before ${source?.name} begins` : "before it begins";
    return { text, isBeforeSource, tooltipPrefix: `Before ${source?.name ?? "its source"} begins: ` };
  }
  const reason = gapReasonLabel(gap.reason);
  return { text: isSharedRow && source ? `${reason} · ${source.name}` : reason, isBeforeSource, tooltipPrefix: "" };
}
