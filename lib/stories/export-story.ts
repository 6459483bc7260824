import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { type Paper, printPdf } from "@/lib/exports/print-pdf";
import { storyToMarkdown } from "./export-markdown";
import type { StoryView } from "./get-story";
import { storyToDocx } from "./render/story-docx";
import { storyToHtml } from "./render/story-html";

export const STORY_FORMATS = ["md", "html", "pdf", "docx"] as const;
export type StoryFormat = (typeof STORY_FORMATS)[number];

const TYPES: Record<StoryFormat, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export type StoryFile = { filename: string; contentType: string; body: Buffer };

export function storyFormat(raw: string | null): StoryFormat {
  const f = (raw ?? "md").toLowerCase();
  if (!(STORY_FORMATS as readonly string[]).includes(f))
    throw new InvalidRequestError(`format: "${f.slice(0, 20)}" is not one of ${STORY_FORMATS.join(", ")}`);
  return f as StoryFormat;
}

export function paperOf(raw: string | null): Paper {
  const p = (raw ?? "a4").toLowerCase();
  if (p === "a4") return "A4";
  if (p === "letter") return "Letter";
  throw new InvalidRequestError(`paper: "${p.slice(0, 20)}" is not a4 or letter`);
}

/** A file name from the title: letters, digits and dashes, with the version. */
function fileName(story: StoryView, ext: string): string {
  const base =
    story.version.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80) || "story";
  return `${base}-v${story.version.number}.${ext}`;
}

/**
 * A story version as a file the reader may take away: Markdown, standalone HTML, PDF (printed by
 * headless Chromium from that HTML) or DOCX. Every format shows what was cited as it was frozen.
 */
export async function exportStory(
  story: StoryView,
  format: StoryFormat,
  opts: { paper?: Paper; origin?: string } = {},
): Promise<StoryFile> {
  const done = (body: Buffer | string): StoryFile => ({
    filename: fileName(story, format),
    contentType: TYPES[format],
    body: typeof body === "string" ? Buffer.from(body, "utf8") : body,
  });
  switch (format) {
    case "md":
      return done(storyToMarkdown(story));
    case "html":
      return done(storyToHtml(story, opts.origin));
    case "docx":
      return done(await storyToDocx(story));
    case "pdf":
      return done(
        await printPdf(storyToHtml(story, opts.origin), {
          paper: opts.paper ?? "A4",
          footer: `${story.version.title} · version ${story.version.number}, ${story.version.status.replace("_", " ")}`,
        }),
      );
  }
}
