import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { escapeHtml } from "@/lib/format/escape-html";
import type { CitationView, StoryView } from "../get-story";
import { withoutHelp } from "../story-markdown";
import { citationNumbers } from "./citation-numbers";
import { REHYPE_PLUGINS, REMARK_PLUGINS } from "./markdown-pipeline";
import { type CardContext, cardNode, rehypeCitationCards } from "./rehype-citation-cards";
import { STORY_PRINT_CSS } from "./story-print-css";

/** The story's text as sanitized HTML with citation cards (the body of every HTML and PDF export). */
export function storyBodyHtml(story: StoryView, origin?: string): string {
  const body = withoutHelp(story.version.body);
  const zone = story.zone;
  const ctx: CardContext = {
    incidentId: story.incidentId,
    zone,
    numbers: citationNumbers(body, story.citations),
    byId: new Map(story.citations.map((c) => [c.id, c])),
    origin,
  };
  // The evidence list: every numbered citation but the figures, which stand in the text.
  const notes = [...ctx.numbers.keys()]
    .map((id) => ctx.byId.get(id))
    .filter((c): c is CitationView => c !== undefined && c.kind !== "figure");
  const html = unified()
    .use(remarkParse)
    .use(REMARK_PLUGINS)
    .use(remarkRehype)
    .use(REHYPE_PLUGINS)
    .use(rehypeCitationCards, ctx)
    .use(rehypeStringify)
    .processSync(body)
    .toString();
  // The evidence list is built as hast too, so its log text is escaped by the same serializer.
  const evidence = notes.length
    ? unified()
        .use(rehypeStringify)
        .stringify({ type: "root", children: notes.map((c) => cardNode(c, ctx, true)) } as never)
    : "";
  return `${html}${evidence ? `<section class="evidence"><h2>Evidence cited</h2>${evidence}</section>` : ""}`;
}

/**
 * The story as one standalone HTML file: inline CSS, no script, no external request (a
 * Content-Security-Policy in the file forbids any), printable. What was cited is what was frozen.
 */
export function storyToHtml(story: StoryView, origin?: string): string {
  const v = story.version;
  const status =
    v.status === "published" && v.publishedAt
      ? `published ${new Date(v.publishedAt).toISOString().slice(0, 10)}`
      : v.status.replace("_", " ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(v.title)}</title>
<style>${STORY_PRINT_CSS}</style></head>
<body><article>
<header><h1>${escapeHtml(v.title)}</h1><p class="byline">Version ${v.number}, ${escapeHtml(status)}. Written by ${escapeHtml(story.author)}. Times in ${escapeHtml(story.zone)}.</p></header>
${storyBodyHtml(story, origin)}
</article></body></html>
`;
}
