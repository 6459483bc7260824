import { describe, expect, it } from "vitest";
import { asText, storyToMarkdown } from "./export-markdown";
import type { StoryView } from "./get-story";

const EVENT = "11111111-1111-4111-8111-111111111111";
const STEP = "22222222-2222-4222-8222-222222222222";
const UNKNOWN = "33333333-3333-4333-8333-333333333333";

const story = (body: string): StoryView => ({
  id: "s",
  incidentId: "i",
  title: "LSASS dump",
  audience: "postmortem",
  template: "postmortem",
  author: "Ana",
  authorId: "a",
  zone: "UTC",
  versions: [],
  version: {
    id: "v",
    number: 2,
    title: "LSASS dump on WORKSTATION5",
    body,
    status: "published",
    revision: 4,
    createdBy: "Ana",
    createdAt: new Date("2026-12-01T00:00:00Z"),
    updatedBy: "Ana",
    updatedAt: new Date("2026-12-01T00:00:00Z"),
    submittedBy: "Ana",
    submittedAt: null,
    approvedBy: "Bo",
    approvedAt: null,
    publishedBy: "Bo",
    publishedAt: new Date("2026-12-02T09:00:00Z"),
  },
  citations: [
    {
      id: EVENT,
      kind: "event",
      ref: "4242",
      frozen: {
        time: "2020-10-18T07:50:06.220000Z",
        source: "lsass.jsonl",
        line: 36,
        stage: "Credential access",
        message: 'rundll32 comsvcs.dll MiniDump <img src=x onerror="alert(1)"> [link](javascript:x)',
      },
      citedBy: "Ana",
      citedAt: new Date(),
      changes: [],
    },
    {
      id: STEP,
      kind: "step",
      ref: STEP,
      frozen: {
        title: "Credential access",
        stage: "Credential access",
        start: "2020-10-18T07:50:06.220000Z",
        end: "2020-10-18T07:50:08.000000Z",
        confidence: "confirmed",
        score: 90,
        inferred: false,
      },
      citedBy: "Ana",
      citedAt: new Date(),
      changes: [{ field: "score", cited: 90, now: 70 }],
    },
  ],
});

describe("a story exported as Markdown", () => {
  it("numbers citations as footnotes in order of first use, frozen, without the templates' help", () => {
    const md = storyToMarkdown(
      story(
        `## Summary\n\n<!-- help -->\n\nLSASS was dumped [[cite:${STEP}]] by rundll32 [[cite:${EVENT}]], see again [[cite:${STEP}]] and [[cite:${UNKNOWN}]].\n`,
      ),
    );
    expect(md).toBe(
      [
        "# LSASS dump on WORKSTATION5",
        "",
        "_Version 2, published 2026-12-02. Written by Ana._",
        "",
        "## Summary\n\nLSASS was dumped [^1] by rundll32 [^2], see again [^1] and [unknown citation].",
        "",
        "---",
        "",
        "[^1]: Chain step: Credential access · Credential access · 2020-10-18T07:50:06.220000Z – 2020-10-18T07:50:08.000000Z · confirmed 90",
        '[^2]: Event 4242 · 2020-10-18T07:50:06.220000Z · lsass.jsonl line 36 · Credential access · rundll32 comsvcs.dll MiniDump &lt;img src=x onerror="alert\\(1\\)"&gt; \\[link\\]\\(javascript:x\\)',
        "",
      ].join("\n"),
    );
  });

  it("writes log content as inert text", () => {
    expect(asText("<script>alert(1)</script>\n**bold** & `code`")).toBe(
      "&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*\\*bold\\*\\* &amp; \\`code\\`",
    );
  });
});
