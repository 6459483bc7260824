import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExportLinks } from "@/components/stories/export-links";
import { ReviewBar } from "@/components/stories/review-bar";
import { StoryEditor } from "@/components/stories/story-editor";
import { StoryPreview } from "@/components/stories/story-preview";
import { VersionHistory } from "@/components/stories/version-history";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { storyInIncident } from "@/lib/stories/story-in-incident";
import { AUDIENCES, type Audience } from "@/lib/stories/templates";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Story" };

/** One story: its draft in the editor beside the preview, or a version as readers see it; review, history, export. */
export default async function StoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; storyId: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const [{ id, storyId }, { version }] = await Promise.all([params, searchParams]);
  const { ctx, role } = await getIncidentPageContext(id, "chain.view");
  const story = await storyInIncident(ctx, id, storyId, new URLSearchParams(version ? { version } : {})).catch((err) => {
    if (err instanceof NotFoundError || err instanceof InvalidRequestError) notFound();
    throw err;
  });
  const v = story.version;
  const isLatest = v.number === story.versions[0]?.number;
  const canEdit = roleAllows(role, "stories.edit");
  const editing = isLatest && v.status === "draft" && canEdit;
  const apiUrl = `/api/incidents/${id}/stories/${storyId}`;
  const pageUrl = `/incidents/${id}/story/${storyId}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <p className="text-sm">
            <Link href={`/incidents/${id}/story`} className="text-accent underline">
              Stories
            </Link>{" "}
            · {AUDIENCES[story.audience as Audience] ?? story.audience} · by {story.author} · version {v.number}
            {!isLatest && " (not the newest)"}
          </p>
          {!editing && <h2 className="text-lg font-semibold">{v.title}</h2>}
        </div>
        <ExportLinks url={apiUrl} version={v.number} />
      </div>
      {roleAllows(role, "stories.view") && (
        <ReviewBar
          url={`${apiUrl}/versions/${v.id}`}
          storyUrl={pageUrl}
          status={v.status}
          isLatest={isLatest}
          canEdit={canEdit}
          canReview={roleAllows(role, "stories.review")}
          isAuthor={ctx.actor.userId === story.authorId}
        />
      )}
      {editing ? (
        <StoryEditor
          key={v.id}
          incidentId={id}
          storyId={storyId}
          versionId={v.id}
          initial={{ revision: v.revision, title: v.title, body: v.body }}
          citations={story.citations}
          zone={story.zone}
        />
      ) : (
        <article className="rounded border border-line p-4" aria-label="Story">
          <StoryPreview body={v.body} citations={story.citations} incidentId={id} zone={story.zone} />
        </article>
      )}
      <VersionHistory apiUrl={apiUrl} pageUrl={pageUrl} versions={story.versions} shown={v.number} zone={story.zone} />
    </div>
  );
}
