import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { importFile } from "@/lib/ingest/import-file";
import { incidentWithRoles } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { citeInStory } from "./cite";
import { createStory } from "./create-story";
import { exportStory } from "./export-story";
import { getStory } from "./get-story";
import { saveStory } from "./save-story";

// Log content is hostile: an event whose message is markup, and a story whose text is too.
const HOSTILE_MESSAGE = `<script>alert("event")</script> <img src=x onerror=alert(2)> signed in`;
const HOSTILE_TEXT = `<script>alert("story")</script>\n\nSee <img src=x onerror="alert(3)"> [click](javascript:alert(4)) here.\n\n![tracker](https://evil.test/p.png) ![export](/api/incidents/x/stories/y/export?format=pdf)`;

function hostileLog(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "chainline-story-"));
  const file = path.join(dir, "hostile.jsonl");
  writeFileSync(
    file,
    `${JSON.stringify({ timestamp: "2023-05-15T03:12:44.123456Z", message: HOSTILE_MESSAGE, user: "ann@contoso.test" })}\n`,
  );
  return file;
}

const docxPart = (file: Buffer, part: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), "chainline-docx-"));
  writeFileSync(path.join(dir, "s.docx"), file);
  return execFileSync("unzip", ["-p", path.join(dir, "s.docx"), part], { encoding: "utf8" });
};

describeEachDatabase("story exports", (kind) => {
  const t = useTestDatabase(kind);

  it("hold the cited evidence as frozen, and markup in the story or the logs stays inert text in HTML, DOCX and PDF", async () => {
    const { incidentId, owner } = await incidentWithRoles(t.db, []);
    await importFile(owner.ctx, { incidentId, filePath: hostileLog() });
    const [event] = await t.db.sql.query<{ id: string }>("SELECT id::text FROM events WHERE incident_id = $1", [incidentId]);
    const { storyId, versionId } = await createStory(owner.ctx, incidentId, { title: "Hostile <b>title</b>", template: "blank" });
    const cite = await citeInStory(owner.ctx, storyId, { kind: "event", ref: event?.id ?? "" });
    await saveStory(owner.ctx, versionId, {
      baseRevision: 0,
      body: `## What happened\n\nThe user signed in ${cite.token}.\n\n${cite.token}\n\n${HOSTILE_TEXT}\n`,
    });
    const story = await getStory(owner.ctx, storyId);

    const html = (await exportStory(story, "html")).body.toString("utf8");
    // Nothing that runs: no script element, no event handler attribute, no javascript: link.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[a-z][^<>]*\sonerror=/i);
    expect(html).toContain("<p>See  <a>click</a> here.</p>");
    expect(html).not.toMatch(/javascript:/i);
    // The event's message is there, as text; its time to the microsecond; numbered reference and card.
    expect(html).toContain('&#x3C;script>alert("event")&#x3C;/script> &#x3C;img src=x onerror=alert(2)> signed in');
    expect(html).toContain("2023-05-15 03:12:44.123456 UTC");
    expect(html).toContain('<sup><a href="#note-1">[1]</a></sup>');
    expect(html).toContain("default-src 'none'");

    const md = (await exportStory(story, "md")).body.toString("utf8");
    expect(md).toContain(`[^1]: Event ${event?.id} · 2023-05-15T03:12:44.123456Z`);
    expect(md).toContain('&lt;script&gt;alert\\("event"\\)');
    // The story's own raw HTML is inert in the Markdown file too; its title is text.
    expect(md).not.toMatch(/<(script|img)/i);
    expect(md).toMatch(/^# Hostile &lt;b&gt;title&lt;\/b&gt;$/m);

    const docx = (await exportStory(story, "docx")).body;
    const documentXml = docxPart(docx, "word/document.xml");
    const footnotesXml = docxPart(docx, "word/footnotes.xml");
    expect(documentXml).toContain("The user signed in");
    expect(documentXml).toContain("&lt;script&gt;alert(&quot;event&quot;)");
    expect(footnotesXml).toContain("2023-05-15 03:12:44.123456 UTC");
    expect(documentXml).not.toContain("alert(&quot;story&quot;)"); // the story's raw HTML is dropped, as in the app

    if (kind !== "server") return; // printing is the same on both databases: once is enough
    const dir = mkdtempSync(path.join(tmpdir(), "chainline-pdf-"));
    for (const paper of ["A4", "Letter"] as const) {
      const pdf = (await exportStory(story, "pdf", { paper })).body;
      const file = path.join(dir, `${paper}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      expect(text).toContain("2023-05-15 03:12:44.123456 UTC");
      expect(text).toContain("signed in");
      expect(text).toMatch(/page 1 of 1/);
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      expect(info).toMatch(
        paper === "A4"
          ? /Page size:\s+59[5-6](\.\d+)? x 84[1-3](\.\d+)? pts \(A4\)/
          : /Page size:\s+612(\.\d+)? x 792(\.\d+)? pts \(letter\)/,
      );
    }
  }, 60_000);

  it("keep a timeline figure as the SVG it was when added, refuse one that would run anything, and append cards to the draft on request", async () => {
    const { incidentId, owner } = await incidentWithRoles(t.db, []);
    const { storyId } = await createStory(owner.ctx, incidentId, { title: "Figures", template: "blank" });
    const view = "from=2023-05-15T00%3A00%3A00.000Z&to=2023-05-16T00%3A00%3A00.000Z&lanes=stage";
    await expect(
      citeInStory(owner.ctx, storyId, {
        kind: "figure",
        ref: view,
        svg: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      }),
    ).rejects.toThrow(/may not hold <script>/);
    for (const [bad, why] of [
      ['<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.test/x.png"/></svg>', /may not hold <image>/],
      ['<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.test/x)"/></svg>', /refer only to itself/],
      ['<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:u&#114;l(https://evil.test/x)"/></svg>', /character references/],
      ['<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>', /attribute onload/],
      ['<svg xmlns="http://www.w3.org/2000/svg" width="90000" height="10"></svg>', /at most 4000/],
    ] as const)
      await expect(citeInStory(owner.ctx, storyId, { kind: "figure", ref: view, svg: bad })).rejects.toThrow(why);
    await expect(citeInStory(owner.ctx, storyId, { kind: "figure", ref: view, svg: "<p>not a picture</p>" })).rejects.toThrow(
      /an SVG image/,
    );
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10"><rect width="40" height="10" fill="#123456"/></svg>';
    const figure = await citeInStory(owner.ctx, storyId, {
      kind: "figure",
      ref: view,
      svg,
      caption: "The day of <b>the</b> forgery",
      insert: true,
    });
    expect(figure.revision).toBe(1);
    const story = await getStory(owner.ctx, storyId);
    expect(story.version.body.trim()).toBe(figure.token);
    expect(story.citations[0]).toMatchObject({
      kind: "figure",
      frozen: { svg, caption: "The day of <b>the</b> forgery", view },
      changes: [],
    });
    const html = (await exportStory(story, "html")).body.toString("utf8");
    expect(html).toContain(`<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}"`);
    expect(html).toContain("<figcaption>Figure 1. The day of &#x3C;b>the&#x3C;/b> forgery</figcaption>");
    const md = (await exportStory(story, "md")).body.toString("utf8");
    expect(md).toContain("![The day of &lt;b&gt;the&lt;/b&gt; forgery](data:image/svg+xml;base64,");
  });
});
