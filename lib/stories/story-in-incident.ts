import type { Ctx } from "@/lib/context/ctx";
import { NotFoundError } from "@/lib/errors/not-found";
import { getStory, type StoryView } from "./get-story";
import { versionParam } from "./version-param";

/**
 * The story a URL names under an incident: a story of another incident is a 404 there, as if it
 * did not exist (the path's incident is the one whose membership was checked).
 */
export async function storyInIncident(ctx: Ctx, incidentId: string, storyId: string, query: URLSearchParams): Promise<StoryView> {
  const story = await getStory(ctx, storyId, versionParam(query));
  if (story.incidentId !== incidentId) throw new NotFoundError(`no story ${storyId}`);
  return story;
}
