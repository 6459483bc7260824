import { z } from "zod";
import type { Ctx } from "@/lib/context/ctx";
import { approveStory, publishStory, returnToDraft, startNextVersion, submitForReview, ZApprove } from "./review-story";

const ZReviewAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("submit") }),
  z.object({ action: z.literal("approve"), checklist: ZApprove.shape.checklist }),
  z.object({ action: z.literal("publish") }),
  z.object({ action: z.literal("return") }),
  z.object({ action: z.literal("next-version") }),
]);

/** One step of review named by the request: what the API and the CLI call. */
export async function reviewAction(ctx: Ctx, versionId: string, input: unknown): Promise<{ versionId: string; number?: number }> {
  const step = ZReviewAction.parse(input);
  switch (step.action) {
    case "submit":
      await submitForReview(ctx, versionId);
      break;
    case "approve":
      await approveStory(ctx, versionId, { checklist: step.checklist });
      break;
    case "publish":
      await publishStory(ctx, versionId);
      break;
    case "return":
      await returnToDraft(ctx, versionId);
      break;
    case "next-version":
      return startNextVersion(ctx, versionId);
  }
  return { versionId };
}
