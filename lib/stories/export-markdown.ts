import type { CitationView, StoryView } from "./get-story";
import { figureSrc } from "./render/citation-card";
import { CITE_TOKEN, withoutHelp } from "./story-markdown";

/**
 * Log content as Markdown text: one line, and nothing a Markdown reader would turn into HTML, a
 * link or emphasis (`<script>` stays the characters `<script>`).
 */
export function asText(value: string): string {
  return value
    .replace(/\s+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]()!#|~])/g, "\\$1");
}

/**
 * The story's own Markdown with any raw HTML made inert (`<` written as `&lt;`), outside code, where
 * it is already text: a Markdown reader elsewhere must not render what Chainline never renders.
 */
export function inertHtml(markdown: string): string {
  return markdown
    .split(/(^```[\s\S]*?^```[^\n]*$)/m)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .split(/(`[^`\n]*`)/)
            .map((s, j) => (j % 2 === 1 ? s : s.replace(/</g, "&lt;")))
            .join(""),
    )
    .join("");
}

/** One line naming what a citation cited, as it was when cited (the frozen text, never the live one). */
export function citationLine(c: CitationView): string {
  const f = c.frozen;
  const text = (v: unknown) => (v === null || v === undefined || v === "" ? "" : asText(String(v)));
  switch (c.kind) {
    case "event":
      return [`Event ${c.ref}`, text(f.time), text(f.source) && `${text(f.source)} line ${text(f.line)}`, text(f.stage), text(f.message)]
        .filter(Boolean)
        .join(" · ");
    case "step":
      return [
        `Chain step: ${text(f.title)}`,
        text(f.stage),
        `${text(f.start)} – ${text(f.end)}`,
        `${text(f.confidence)} ${text(f.score)}${f.inferred ? ", inferred" : ""}`,
      ]
        .filter(Boolean)
        .join(" · ");
    case "gap":
      return `Evidence gap: ${text(f.scope)} · ${text(f.start)} – ${text(f.end)} · ${text(f.reason)}${text(f.description) ? ` · ${text(f.description)}` : ""}`;
    case "hypothesis":
      return `Hypothesis (${text(f.status)}): ${text(f.title)}`;
    case "entity":
      return `Entity ${text(f.kind)} ${text(f.value)} · ${text(f.events)} events · ${text(f.firstSeen)} – ${text(f.lastSeen)}`;
    case "view":
      return `Timeline view: ?${text(f.view)}`;
    case "figure":
      return `Figure: ${text(f.caption)} (timeline view ?${text(f.view)})`;
  }
}

/**
 * The story as one Markdown file: its title and version, the text without the templates' help,
 * each citation a numbered footnote holding what was cited when it was cited (event ids and times
 * to the microsecond), in the order the text first uses them. A token that names no citation of
 * this story is written as "[unknown citation]", never dropped silently.
 */
export function storyToMarkdown(story: StoryView): string {
  const byId = new Map(story.citations.map((c) => [c.id, c]));
  const numbers = new Map<string, number>();
  const body = inertHtml(withoutHelp(story.version.body)).replace(CITE_TOKEN, (_m, id: string) => {
    const c = byId.get(id.toLowerCase());
    if (!c) return "[unknown citation]";
    if (c.kind === "figure") return `![${asText(String(c.frozen.caption ?? "Figure"))}](${figureSrc(c.frozen)})`;
    if (!numbers.has(c.id)) numbers.set(c.id, numbers.size + 1);
    return `[^${numbers.get(c.id)}]`;
  });
  const v = story.version;
  const status =
    v.status === "published"
      ? `published ${v.publishedAt ? new Date(v.publishedAt).toISOString().slice(0, 10) : ""}`.trim()
      : v.status.replace("_", " ");
  const notes = [...numbers].map(([id, n]) => `[^${n}]: ${citationLine(byId.get(id) as CitationView)}`);
  return [
    `# ${asText(v.title)}`,
    "",
    `_Version ${v.number}, ${status}. Written by ${story.author}._`,
    "",
    body.trim(),
    "",
    ...(notes.length ? ["---", "", ...notes, ""] : []),
  ].join("\n");
}
