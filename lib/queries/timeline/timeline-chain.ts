import type { Db } from "@/lib/db";
import type { Confidence, GapOrigin, GapReason } from "@/lib/generated/prisma/client";
import type { LaneMode } from "@/lib/timeline/lanes";

/** A chain step as the timeline draws it: a milestone (or a window) on its stage's lane. */
export type TimelineStep = {
  id: string;
  /** The chain it belongs to (null: an analyst's step outside any chain). */
  chainId: string | null;
  title: string;
  stageKey: string;
  stageName: string;
  stagePosition: number;
  startAt: string | null;
  endAt: string | null;
  isInferred: boolean;
  confidence: Confidence;
  confidenceScore: number;
  position: number;
  /** instant | day | window | unknown */
  timePrecision: string;
  eventCount: number;
};

/** An evidence gap and the lanes (of the requested mode) it is drawn on; none: the separate gaps row. */
export type TimelineGap = {
  id: string;
  startAt: string;
  endAt: string;
  reason: GapReason;
  origin: GapOrigin;
  scope: string;
  description: string;
  sourceId: string | null;
  stepIds: string[];
  lanes: string[];
};

const MAX_ITEMS = 1_000;

/** The incident's chain steps in chain order (few: every one is returned, whatever the window). */
export async function listTimelineSteps(db: Db, incidentId: string): Promise<TimelineStep[]> {
  const steps = await db.prisma.chainStep.findMany({
    where: { incidentId },
    orderBy: [{ position: "asc" }, { startAt: "asc" }],
    include: { stage: { select: { key: true, name: true, position: true } } },
    take: MAX_ITEMS,
  });
  return steps.map((s) => ({
    id: s.id,
    chainId: s.chainId,
    title: s.title,
    stageKey: s.stage.key,
    stageName: s.stage.name,
    stagePosition: s.stage.position,
    startAt: s.startAt?.toISOString() ?? null,
    endAt: s.endAt?.toISOString() ?? null,
    isInferred: s.isInferred,
    confidence: s.confidence,
    confidenceScore: s.confidenceScore,
    position: s.position,
    timePrecision: s.timePrecision,
    eventCount: s.eventCount,
  }));
}

/** An arrow between two steps: the later follows the earlier, tied by what `ties` says. */
export type TimelineLink = { fromStepId: string; toStepId: string; kind: string; ties: string };

/** The incident's arrows, each with what ties its two steps in a few words. */
export async function listTimelineLinks(db: Db, incidentId: string): Promise<TimelineLink[]> {
  const links = await db.prisma.chainLink.findMany({ where: { incidentId }, orderBy: { createdAt: "asc" }, take: MAX_ITEMS });
  return links.map((l) => {
    const ties = Array.isArray(l.ties) ? (l.ties as { kind: string; value: string }[]) : [];
    return {
      fromStepId: l.fromStepId,
      toStepId: l.toStepId,
      kind: l.kind,
      ties:
        l.kind === "inferred"
          ? "inferred"
          : l.kind === "analyst"
            ? "linked by an analyst"
            : ties.map((t) => `${t.kind} ${t.value}`).join(", "),
    };
  });
}

/**
 * The incident's evidence gaps with the lanes they affect: by source, the source's lane; by
 * stage, the stages of the chain steps the gap is linked to. Others go to the gaps row.
 */
export async function listTimelineGaps(db: Db, incidentId: string, mode: LaneMode, steps: readonly TimelineStep[]): Promise<TimelineGap[]> {
  const gaps = await db.prisma.gap.findMany({
    where: { incidentId },
    orderBy: [{ startAt: "asc" }, { endAt: "asc" }],
    include: { steps: { select: { stepId: true } } },
    take: MAX_ITEMS,
  });
  const stageOfStep = new Map(steps.map((s) => [s.id, s.stageKey]));
  return gaps.map((g) => {
    const stepIds = g.steps.map((s) => s.stepId);
    const lanes =
      mode === "source" && g.sourceId
        ? [g.sourceId]
        : mode === "stage"
          ? [...new Set(stepIds.flatMap((id) => stageOfStep.get(id) ?? []))]
          : [];
    return {
      id: g.id,
      startAt: g.startAt.toISOString(),
      endAt: g.endAt.toISOString(),
      reason: g.reason,
      origin: g.origin,
      scope: g.scope,
      description: g.description,
      sourceId: g.sourceId,
      stepIds,
      lanes,
    };
  });
}
