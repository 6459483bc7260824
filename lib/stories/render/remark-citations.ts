import { CITE_TOKEN } from "../story-markdown";

// The few mdast shapes this plugin touches (the full types live in @types/mdast, a transitive package).
type MdNode = { type: string; value?: string; url?: string; children?: MdNode[] };

/** Where a citation token points: a card of its own (`#cite-card-<id>`) or a numbered reference (`#cite-<id>`). */
export const CARD_PREFIX = "#cite-card-";
export const REF_PREFIX = "#cite-";

/** The citation id a rendered link stands for, and whether it is a card; null for an ordinary link. */
export function citationHref(href: string | undefined | null): { id: string; card: boolean } | null {
  if (!href) return null;
  if (href.startsWith(CARD_PREFIX)) return { id: href.slice(CARD_PREFIX.length), card: true };
  if (href.startsWith(REF_PREFIX)) return { id: href.slice(REF_PREFIX.length), card: false };
  return null;
}

function split(text: string): MdNode[] {
  const out: MdNode[] = [];
  let last = 0;
  for (const m of text.matchAll(CITE_TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ type: "text", value: text.slice(last, at) });
    const id = (m[1] as string).toLowerCase();
    out.push({ type: "link", url: `${REF_PREFIX}${id}`, children: [{ type: "text", value: id }] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ type: "text", value: text.slice(last) });
  return out;
}

function walk(node: MdNode): void {
  if (!node.children) return;
  // Code keeps its tokens as written; links cannot hold links.
  if (node.type === "link" || node.type === "linkReference") return;
  const next: MdNode[] = [];
  for (const child of node.children) {
    if (child.type === "text" && child.value && CITE_TOKEN.test(child.value)) {
      CITE_TOKEN.lastIndex = 0;
      next.push(...split(child.value));
    } else {
      CITE_TOKEN.lastIndex = 0;
      walk(child);
      next.push(child);
    }
  }
  node.children = next;
  // A paragraph that is one citation and nothing else is a card.
  const only = node.type === "paragraph" && node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type === "link" && only.url?.startsWith(REF_PREFIX)) only.url = `${CARD_PREFIX}${only.url.slice(REF_PREFIX.length)}`;
}

/**
 * A remark plugin: `[[cite:<id>]]` tokens in the text become links the renderers replace by the
 * citation (a card, or a numbered reference inside a sentence). The links are plain `#` anchors,
 * so they pass the sanitizer; what they show comes from the frozen citation, never from the text.
 */
export function remarkCitations() {
  return (tree: MdNode) => walk(tree);
}
