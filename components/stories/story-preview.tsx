"use client";

import Markdown from "react-markdown";
import { cardParts } from "@/lib/stories/render/citation-card";
import { citationNumbers } from "@/lib/stories/render/citation-numbers";
import { REHYPE_PLUGINS, REMARK_PLUGINS } from "@/lib/stories/render/markdown-pipeline";
import { citationHref } from "@/lib/stories/render/remark-citations";
import { withoutHelp } from "@/lib/stories/story-markdown";
import { CitationCard, type ClientCitation } from "./citation-card";

/**
 * A story's Markdown as its readers see it: GitHub Markdown through the sanitizer (raw HTML and
 * `javascript:` links are inert), each citation a card with its frozen text or a numbered
 * reference inside a sentence. The same plugins render every export.
 */
export function StoryPreview({
  body,
  citations,
  incidentId,
  zone,
}: {
  body: string;
  citations: ClientCitation[];
  incidentId: string;
  zone: string;
}) {
  const text = withoutHelp(body);
  const byId = new Map(citations.map((c) => [c.id, c]));
  const numbers = citationNumbers(text, citations);
  const cite = (href: string | undefined) => {
    const link = citationHref(href);
    if (!link) return null;
    const c = byId.get(link.id);
    if (!c) return <span className="text-danger">[unknown citation]</span>;
    if (link.card) return <CitationCard c={c} n={numbers.get(c.id)} incidentId={incidentId} zone={zone} />;
    // A reference inside a sentence: its number, and the cited text on hover.
    const p = cardParts(c, incidentId, zone);
    return (
      <sup className="text-accent" title={`${p.label}: ${p.headline} · ${p.details.join(" · ")}`}>
        [{numbers.get(c.id)}]
      </sup>
    );
  };
  return (
    <div className="story-prose">
      <Markdown
        remarkPlugins={REMARK_PLUGINS}
        rehypePlugins={REHYPE_PLUGINS}
        components={{
          a: ({ href, children }) =>
            cite(href) ?? (
              <a href={href} rel="noreferrer noopener" className="text-accent underline">
                {children}
              </a>
            ),
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
