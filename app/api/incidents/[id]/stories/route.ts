// GET  /api/incidents/[id]/stories – the incident's stories (executives: published ones only).
// POST /api/incidents/[id]/stories – a new story from a template ({title, template?, audience?, draft?});
//      with draft: true its sections are filled from the evidence at once.

import { z } from "zod";
import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse, json } from "@/lib/http/json-response";
import { createStory, ZCreateStory } from "@/lib/stories/create-story";
import { draftFromEvidence } from "@/lib/stories/draft-from-evidence";
import { listStories } from "@/lib/stories/get-story";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return json({ stories: await listStories(await getRequestContext(), id) });
  } catch (err) {
    return errorResponse(err, "query");
  }
}

const ZNew = ZCreateStory.extend({ draft: z.boolean().default(false) });

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const ctx = await getRequestContext();
    const { id } = await params;

    const { draft, ...input } = ZNew.parse(await request.json());
    const created = await createStory(ctx, id, input);
    const drafted = draft ? await draftFromEvidence(ctx, created.storyId, 0) : null;
    return json({ ...created, revision: drafted?.revision ?? 0 }, 201);
  } catch (err) {
    return errorResponse(err);
  }
}
