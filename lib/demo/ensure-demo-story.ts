import type { Ctx } from "@/lib/context/ctx";
import { createStory } from "@/lib/stories/create-story";
import { draftFromEvidence } from "@/lib/stories/draft-from-evidence";

export const DEMO_STORY_TITLE = "Storm-0558: post-mortem";

/**
 * The demo incident ships with a post-mortem drafted from its evidence, as a writer would start
 * one: a draft, not reviewed. Once only: a second start finds it and changes nothing.
 */
export async function ensureDemoStory(admin: Ctx, incidentId: string): Promise<{ storyId: string; created: boolean }> {
  const [found] = await admin.db.sql.query<{ id: string }>("SELECT id FROM stories WHERE incident_id = $1 AND title = $2 LIMIT 1", [
    incidentId,
    DEMO_STORY_TITLE,
  ]);
  if (found) return { storyId: found.id, created: false };
  const { storyId } = await createStory(admin, incidentId, { title: DEMO_STORY_TITLE, template: "postmortem" });
  await draftFromEvidence(admin, storyId, 0);
  return { storyId, created: true };
}
