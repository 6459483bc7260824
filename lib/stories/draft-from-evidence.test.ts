import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { getLocalContext } from "@/lib/context/get-local-context";
import { loadScenario } from "@/lib/scenarios/load-scenario";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { createStory } from "./create-story";
import { draftFromEvidence, fillSection } from "./draft-from-evidence";
import { getStory } from "./get-story";
import { citedIds } from "./story-markdown";

describeEachDatabase("a post-mortem drafted from the evidence", (kind) => {
  const t = useTestDatabase(kind);

  it("writes the chain, the timeline, the unknowns, the impact and the sources of the Storm-0558 scenario, every fact cited, the same each time", async () => {
    const ctx = await getLocalContext(t.db);
    const { incidentId } = await loadScenario(ctx, { dir: path.join(mkdtempSync(path.join(os.tmpdir(), "chainline-story-")), "s") });
    const { storyId } = await createStory(ctx, incidentId, { title: "Storm-0558 post-mortem", template: "postmortem" });
    const first = await draftFromEvidence(ctx, storyId, 0);
    const body = first.body;

    // The summary and the timeline name every stage of the chain, each line cited.
    expect(body).toMatch(/## Summary\n\n<!-- What happened[^\n]*-->\n\nThe evidence holds a chain of 9 steps, from key material exposure/);
    const timeline = body.slice(body.indexOf("## Timeline"), body.indexOf("## Root cause"));
    for (const stage of ["Key material exposure", "Token forgery", "Mailbox access", "Response and remediation"])
      expect(timeline).toContain(`| ${stage} |`);
    expect(
      timeline
        .split("\n")
        .filter((l) => l.startsWith("| 20"))
        .every((l) => /\[\[cite:[0-9a-f-]{36}\]\] \|$/.test(l)),
    ).toBe(true);

    // The unknowns: the debugging environment's retention gap, the inferred key theft with the public
    // record's assessments in order, and the hypotheses still open.
    const unknowns = body.slice(body.indexOf("## Unknowns"), body.indexOf("## Action items"));
    expect(unknowns).toMatch(
      /Key acquisition \/ exfiltration is inferred, not seen: possible 35, inferred; assessed likely 70 \(MSRC, 2023-09-06\) → possible 35 \(MSRC, 2024-03-12\) → possible \d+ \(CSRB, 2024-04-02\)/,
    );
    expect(unknowns).toMatch(/- No records from .+ \(retention\)\. \[\[cite:/);
    expect(unknowns).toMatch(/- Open question \((leading|open)\): /);

    // Impact from the chain's own evidence; the sources with their hashes.
    expect(body).toMatch(/## Impact\n\n<!--[^\n]*-->\n\nThe chain's evidence names \d+ mailboxes, \d+ accounts, \d+ hosts, /);
    expect(body).toMatch(/\| ual-mailitemsaccessed-2023\.json \| m365-ual-json \| \d+ \| .+ \| `[0-9a-f]{64}` \|/);

    // Every token is one of this story's citations, frozen; drafting again writes the same text.
    const story = await getStory(ctx, storyId);
    expect(story.citations.map((c) => c.id)).toEqual(citedIds(body));
    expect(story.citations.every((c) => c.changes.length === 0)).toBe(true);
    const again = await draftFromEvidence(ctx, storyId, first.revision);
    expect(again.body).toBe(body);
    // Drafting again overwrites nothing written: every section it filled is kept.
    expect(again.filled).toEqual([]);
    expect(again.kept).toEqual(first.filled);
    await expect(draftFromEvidence(ctx, storyId, first.revision)).rejects.toThrow(/changed since you opened it/);
  }, 120_000);
});

it("fills a section under its heading and help, keeping the rest of the text", () => {
  const body = "## A\n\n<!-- help a -->\n\nmine\n\n## B\n\n<!-- help b -->\n\nold text\n\n## C\n\nkept\n";
  expect(fillSection(body, "B", "new text")).toBe(
    "## A\n\n<!-- help a -->\n\nmine\n\n## B\n\n<!-- help b -->\n\nnew text\n\n## C\n\nkept\n",
  );
  expect(fillSection("intro", "D", "added")).toBe("intro\n\n## D\n\nadded\n");
});
