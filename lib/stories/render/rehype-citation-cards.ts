import type { CitationView } from "../get-story";
import { cardParts, figureSrc } from "./citation-card";
import { citationHref } from "./remark-citations";

// The hast shapes this plugin builds and reads (full types: @types/hast, a transitive package).
type HNode = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: HNode[] };

const text = (value: string): HNode => ({ type: "text", value });
const el = (tagName: string, className: string | null, children: HNode[], properties: Record<string, unknown> = {}): HNode => ({
  type: "element",
  tagName,
  properties: className ? { ...properties, className: [className] } : properties,
  children,
});

export type CardContext = {
  incidentId: string;
  zone: string;
  numbers: Map<string, number>;
  byId: Map<string, CitationView>;
  origin?: string;
};

/** A figure: its frozen SVG as an image (vector in print), numbered, with its caption. */
function figureNode(c: CitationView, n: number | undefined): HNode {
  return el("figure", null, [
    el("img", null, [], { src: figureSrc(c.frozen), alt: String(c.frozen.caption ?? "Timeline figure") }),
    el("figcaption", null, [text(`Figure ${n ?? ""}. ${String(c.frozen.caption ?? "")}`)]),
  ]);
}

/** A citation as a card: every value a text node, so log content stays text in the HTML. */
export function cardNode(c: CitationView, ctx: CardContext, asNote: boolean): HNode {
  const p = cardParts(c, ctx.incidentId, ctx.zone);
  const n = ctx.numbers.get(c.id);
  if (c.kind === "figure" && !asNote) return figureNode(c, n);
  const label: HNode[] = [text(`${n ? `[${n}] ` : ""}${p.label}`)];
  if (p.href && ctx.origin) label.push(text(" · "), el("a", null, [text("open in Chainline")], { href: `${ctx.origin}${p.href}` }));
  return el(
    "div",
    "cite-card",
    [
      el("div", "cite-label", label),
      el("div", "cite-headline", [text(p.headline)]),
      el("div", "cite-details", [text(p.details.join(" · "))]),
    ],
    asNote && n ? { id: `note-${n}` } : {},
  );
}

function replace(node: HNode, ctx: CardContext): HNode {
  const link = node.tagName === "a" ? citationHref(String(node.properties?.href ?? "")) : null;
  if (link) {
    const c = ctx.byId.get(link.id);
    if (!c) return el("span", "cite-unknown", [text("[unknown citation]")]);
    if (link.card) return cardNode(c, ctx, false);
    const n = ctx.numbers.get(c.id);
    return el("sup", null, [el("a", null, [text(`[${n}]`)], { href: `#note-${n}` })]);
  }
  if (!node.children) return node;
  // A paragraph holding only a card becomes the card (a div cannot sit inside a p).
  const only = node.tagName === "p" && node.children.length === 1 ? node.children[0] : undefined;
  if (only?.tagName === "a" && citationHref(String(only.properties?.href ?? ""))?.card) return replace(only, ctx);
  return { ...node, children: node.children.map((ch) => replace(ch, ctx)) };
}

/** A rehype plugin, after the sanitizer: citation links become the frozen citation's card or number. */
export function rehypeCitationCards(ctx: CardContext) {
  return (tree: HNode) => {
    const out = replace(tree, ctx);
    tree.children = out.children;
  };
}
