// GET /api/incidents/[id]/stories/[storyId]/export?format=md|html|pdf|docx[&version=N][&paper=a4|letter]
// – the story as a file: Markdown with footnotes, standalone HTML, PDF printed by Chromium, or DOCX.

import { getRequestContext } from "@/lib/access/request-context";
import { errorResponse } from "@/lib/http/json-response";
import { exportStory, paperOf, storyFormat } from "@/lib/stories/export-story";
import { storyInIncident } from "@/lib/stories/story-in-incident";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; storyId: string }> }) {
  try {
    const { id, storyId } = await params;
    const url = new URL(request.url);
    const ctx = await getRequestContext();
    const format = storyFormat(url.searchParams.get("format"));
    const paper = paperOf(url.searchParams.get("paper"));
    const story = await storyInIncident(ctx, id, storyId, url.searchParams);
    const file = await exportStory(story, format, { paper, origin: url.origin });
    return new Response(new Uint8Array(file.body), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "x-content-type-options": "nosniff",
        // An HTML export opened from here must not run anything either.
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      },
    });
  } catch (err) {
    return errorResponse(err, "query");
  }
}
