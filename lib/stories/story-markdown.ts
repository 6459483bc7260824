/**
 * How a story's Markdown refers to what it cites: `[[cite:<citation id>]]`, on its own line (a
 * card) or inside a sentence (a numbered reference). The citation itself (what was cited, frozen)
 * lives in story_citations, so the text stays readable and the token cannot be forged into
 * another incident's evidence: an id that is not this story's renders as "unknown citation".
 */
export const CITE_TOKEN = /\[\[cite:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\]\]/gi;

export const citeToken = (citationId: string) => `[[cite:${citationId}]]`;

/** The citation ids a body refers to, in order of first use. */
export function citedIds(body: string): string[] {
  return [...new Set([...body.matchAll(CITE_TOKEN)].map((m) => (m[1] as string).toLowerCase()))];
}

/** The body without the templates' help comments (`<!-- … -->`), which no reader sees. */
export function withoutHelp(body: string): string {
  return body.replace(/<!--[\s\S]*?-->\n?/g, "").replace(/\n{3,}/g, "\n\n");
}

/** Words a reader reads: help comments and citation tokens are not counted. */
export function wordCount(body: string): number {
  const text = withoutHelp(body)
    .replace(CITE_TOKEN, " ")
    .replace(/[#>*_`|[\]()-]+/g, " ");
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
