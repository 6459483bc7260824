import path from "node:path";
import { expect, it } from "vitest";
import { setEventStage } from "@/lib/chain/actions/set-event-stage";
import { ConflictError } from "@/lib/errors/conflict";
import { ForbiddenError } from "@/lib/errors/forbidden";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { NotFoundError } from "@/lib/errors/not-found";
import { importFile } from "@/lib/ingest/import-file";
import { incidentWithRoles } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { addActionItem, listActionItems, listAllActionItems, updateActionItem } from "./action-items";
import { citeInStory } from "./cite";
import { createStory } from "./create-story";
import { getStory, listStories } from "./get-story";
import { approveStory, publishStory, returnToDraft, startNextVersion, submitForReview } from "./review-story";
import { saveStory } from "./save-story";
import { wordCount } from "./story-markdown";

const LSASS = path.resolve(import.meta.dirname, "../../../shared/samples/windows/lsass_dump_comsvcs.jsonl");
const ALL_CHECKED = { evidenceCited: true, impactComplete: true, contributingFactors: true, actionItemsOwned: true };

describeEachDatabase("stories", (kind) => {
  const t = useTestDatabase(kind);

  it("are written from a template, cite frozen evidence, go through review by another person, and never change once published", async () => {
    const { incidentId, owner, member } = await incidentWithRoles(t.db, ["analyst", "viewer", "executive"]);
    const author = member("analyst");
    await importFile(owner.ctx, { incidentId, filePath: LSASS });
    const { storyId, versionId } = await createStory(author, incidentId, { title: "LSASS dump on WORKSTATION5", template: "postmortem" });
    let story = await getStory(author, storyId);
    expect(story.version.body).toMatch(/^## Summary\n\n<!-- What happened/);
    expect(story.version.body).toContain("## Unknowns and evidence gaps");
    // The 13 headings' 33 words only: help comments are not counted.
    expect(wordCount(story.version.body)).toBe(33);

    // Cite the comsvcs MiniDump process creation: its fields are frozen into the citation.
    const [event] = await t.db.sql.query<{ id: string }>(
      "SELECT id::text FROM events WHERE incident_id = $1 AND message ILIKE '%comsvcs%' ORDER BY id LIMIT 1",
      [incidentId],
    );
    const [stage] = await t.db.sql.query<{ key: string }>("SELECT key FROM stages WHERE incident_id = $1 ORDER BY position LIMIT 1", [
      incidentId,
    ]);
    await setEventStage(owner.ctx, incidentId, { eventIds: [BigInt(event?.id ?? 0)], stageKey: stage?.key ?? "" });
    const cite = await citeInStory(author, storyId, { kind: "event", ref: event?.id ?? "" });
    expect(await citeInStory(author, storyId, { kind: "event", ref: event?.id ?? "" })).toEqual(cite);
    await expect(citeInStory(author, storyId, { kind: "event", ref: "999999999" })).rejects.toBeInstanceOf(NotFoundError);
    const body = `## Summary\n\nrundll32 dumped LSASS with comsvcs.dll ${cite.token}.\n`;
    const saved = await saveStory(author, versionId, { baseRevision: 0, body });
    expect(saved.revision).toBe(1);

    // Two editors from revision 1: the first save lands, the second is refused with the first's text.
    await saveStory(owner.ctx, versionId, { baseRevision: 1, body: `${body}\nOwner's line.\n` });
    const conflict = await saveStory(author, versionId, { baseRevision: 1, body: `${body}\nAuthor's line.\n` }).catch((e) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).current).toMatchObject({ revision: 2, body: `${body}\nOwner's line.\n`, updatedBy: "Owner" });
    await saveStory(author, versionId, { baseRevision: 2, body: `${body}\nOwner's line.\nAuthor's line.\n` });

    story = await getStory(author, storyId);
    expect(story.citations).toHaveLength(1);
    expect(story.citations[0]?.frozen).toMatchObject({ source: "lsass_dump_comsvcs.jsonl", stage: expect.any(String) });
    expect(story.citations[0]?.changes).toEqual([]);

    // A viewer reads drafts but does not write; an executive sees nothing until it is published.
    await expect(saveStory(member("viewer"), versionId, { baseRevision: 3, body: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getStory(member("executive"), storyId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listStories(member("executive"), incidentId)).toEqual([]);

    // Review: an action item without an owner holds the approval; the author may not approve.
    const item = await addActionItem(author, incidentId, { title: "Block comsvcs MiniDump via ASR", kind: "prevent", storyId });
    await submitForReview(author, versionId);
    await expect(saveStory(author, versionId, { baseRevision: 3, body: "late edit" })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(approveStory(author, versionId, { checklist: ALL_CHECKED })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveStory(owner.ctx, versionId, { checklist: { ...ALL_CHECKED, impactComplete: false } })).rejects.toThrow(
      /impact is complete/,
    );
    await expect(approveStory(owner.ctx, versionId, { checklist: ALL_CHECKED })).rejects.toThrow(/1 action item\(s\) have no owner/);
    await updateActionItem(author, item.id, { owner: "Endpoint team", dueOn: "2020-11-01" });
    await approveStory(owner.ctx, versionId, { checklist: ALL_CHECKED });
    await publishStory(owner.ctx, versionId);

    // Published: the database refuses any change; the executive now reads it, frozen.
    await expect(t.db.sql.query("UPDATE story_versions SET body = 'rewritten' WHERE id = $1", [versionId])).rejects.toThrow(
      /published and cannot change/,
    );
    const published = await getStory(member("executive"), storyId);
    expect(published.version).toMatchObject({ number: 1, status: "published", publishedBy: "Owner", approvedBy: "Owner" });
    // The executive's copy cites what the event said and when, without its id, source or line.
    expect(published.citations[0]).toMatchObject({ kind: "event", ref: "" });
    expect(Object.keys(published.citations[0]?.frozen ?? {})).not.toContain("source");
    expect(published.citations[0]?.frozen.message).toEqual(story.citations[0]?.frozen.message);

    // The cited event's stage changes after publishing: a new draft says so; version 1 keeps its text.
    await setEventStage(owner.ctx, incidentId, { eventIds: [BigInt(event?.id ?? 0)], stageKey: null });
    const next = await startNextVersion(author, versionId);
    expect(next.number).toBe(2);
    const draft = await getStory(author, storyId);
    expect(draft.version).toMatchObject({ number: 2, status: "draft" });
    expect(draft.citations[0]?.changes.map((c) => c.field)).toEqual(["stage"]);
    const v1 = await getStory(author, storyId, 1);
    expect(v1.version.body).toBe(`${body}\nOwner's line.\nAuthor's line.\n`);
    expect(v1.citations[0]?.frozen).toEqual(story.citations[0]?.frozen);
    // A new version cannot be started twice from the same published one.
    await expect(startNextVersion(author, versionId)).rejects.toThrow(/version 2 already follows it/);
    await submitForReview(author, next.versionId);
    await returnToDraft(author, next.versionId);
    expect((await getStory(author, storyId)).version.status).toBe("draft");

    // Action items, per incident and across incidents: overdue flagged, open first; ticket links are web links only.
    const done = await addActionItem(author, incidentId, { title: "Rotate credentials", kind: "mitigate", owner: "IT", status: "done" });
    expect((await listActionItems(author, incidentId)).map((a) => [a.title, a.overdue, a.storyTitle])).toEqual([
      ["Block comsvcs MiniDump via ASR", true, "LSASS dump on WORKSTATION5"],
      ["Rotate credentials", false, null],
    ]);
    expect((await listAllActionItems(author)).map((a) => a.id)).toEqual([item.id, done.id]);
    await expect(updateActionItem(author, item.id, { ticketUrl: "javascript:alert(1)" })).rejects.toThrow(/http\(s\) address/);
  });
});
