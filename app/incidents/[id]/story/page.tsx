import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionItemsPanel } from "@/components/stories/action-items-panel";
import { NewStoryForm } from "@/components/stories/new-story-form";
import { StoryList } from "@/components/stories/story-list";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { getIncidentById } from "@/lib/queries/get-incident-by-id";
import { listActionItems } from "@/lib/stories/action-items";
import { listStories } from "@/lib/stories/get-story";
import { TEMPLATES } from "@/lib/stories/templates";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Stories" };

/** The Story tab: the incident's post-mortems, notices and updates, a new one from a template, and the action items. */
export default async function StoriesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, role } = await getIncidentPageContext(id, "chain.view");
  const incident = await getIncidentById(ctx, id);
  if (!incident) notFound();
  const canEdit = roleAllows(role, "stories.edit");
  const [stories, items] = await Promise.all([
    listStories(ctx, id),
    roleAllows(role, "stories.view") ? listActionItems(ctx, id) : Promise.resolve(null),
  ]);
  return (
    <div className="space-y-6">
      <section aria-labelledby="stories-heading" className="space-y-2">
        <h2 id="stories-heading" className="text-lg font-semibold">
          Stories
        </h2>
        <p className="text-sm text-muted">
          {roleAllows(role, "stories.view")
            ? "Post-mortems, lessons learned, notices and updates. Every claim cites its evidence, frozen as it was when cited."
            : "Published stories about this incident."}
        </p>
        <StoryList incidentId={id} stories={stories} zone={incident.timeZone} publishedOnly={!roleAllows(role, "stories.view")} />
      </section>
      {canEdit && <NewStoryForm incidentId={id} templates={TEMPLATES.map((t) => ({ key: t.key, name: t.name }))} />}
      {items && (
        <ActionItemsPanel items={items} incidentId={id} canEdit={canEdit} stories={stories.map((s) => ({ id: s.id, title: s.title }))} />
      )}
    </div>
  );
}
