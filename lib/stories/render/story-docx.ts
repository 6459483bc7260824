import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { svgToPng } from "@/lib/exports/svg-to-png";
import { svgSize } from "../figure-svg-check";
import type { CitationView, StoryView } from "../get-story";
import { withoutHelp } from "../story-markdown";
import { cardParts } from "./citation-card";
import { citationNumbers } from "./citation-numbers";
import { REMARK_PLUGINS } from "./markdown-pipeline";
import { citationHref } from "./remark-citations";

type MdNode = { type: string; value?: string; url?: string; depth?: number; ordered?: boolean; children?: MdNode[] };
type Style = { bold?: boolean; italics?: boolean; code?: boolean };
type Figure = { svg: Buffer; png: Buffer; width: number; height: number };
type Ctx = {
  numbers: Map<string, number>;
  byId: Map<string, CitationView>;
  incidentId: string;
  zone: string;
  figures: Map<string, Figure>;
};

/** Word's page is about 6.3 inches wide at 96 to the inch: figures are scaled to it. */
const FIGURE_WIDTH = 600;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

// Word writes each citation as a numbered footnote holding the frozen card, so the text reads as it does in the app.
function cardText(c: CitationView, ctx: Ctx): string {
  const p = cardParts(c, ctx.incidentId, ctx.zone);
  return [p.label, p.headline, ...p.details].filter(Boolean).join(" · ");
}

function figureRuns(c: CitationView, ctx: Ctx): (TextRun | ImageRun)[] {
  const f = ctx.figures.get(c.id);
  const caption = new TextRun({
    text: `Figure ${ctx.numbers.get(c.id) ?? ""}. ${String(c.frozen.caption ?? "")}`,
    italics: true,
    size: 18,
    break: 1,
  });
  if (!f) return [caption];
  const image = new ImageRun({
    type: "svg",
    data: f.svg,
    fallback: { type: "png", data: f.png },
    transformation: { width: FIGURE_WIDTH, height: Math.round((FIGURE_WIDTH * f.height) / f.width) },
    altText: { name: "figure", description: String(c.frozen.caption ?? ""), title: String(c.frozen.caption ?? "") },
  });
  return [image, caption];
}

function runs(node: MdNode, ctx: Ctx, style: Style = {}): (TextRun | FootnoteReferenceRun | ImageRun)[] {
  switch (node.type) {
    case "text":
      return [
        new TextRun({ text: node.value ?? "", bold: style.bold, italics: style.italics, font: style.code ? "Courier New" : undefined }),
      ];
    case "inlineCode":
      return [new TextRun({ text: node.value ?? "", font: "Courier New" })];
    case "strong":
      return (node.children ?? []).flatMap((c) => runs(c, ctx, { ...style, bold: true }));
    case "emphasis":
      return (node.children ?? []).flatMap((c) => runs(c, ctx, { ...style, italics: true }));
    case "break":
      return [new TextRun({ text: "", break: 1 })];
    case "link": {
      const cite = citationHref(node.url);
      if (!cite) return (node.children ?? []).flatMap((c) => runs(c, ctx, style));
      const c = ctx.byId.get(cite.id);
      if (!c) return [new TextRun({ text: "[unknown citation]" })];
      if (c.kind === "figure" && cite.card) return figureRuns(c, ctx);
      // One footnote per citation, referred to wherever it is cited: [1] is [1] every time, as in the app.
      const note = new FootnoteReferenceRun(ctx.numbers.get(c.id) ?? 0);
      return cite.card ? [new TextRun({ text: cardText(c, ctx), size: 18 }), note] : [note];
    }
    default:
      // Raw HTML in the text is dropped here as in every rendering; other inline nodes keep their text.
      return node.type === "html" ? [] : (node.children ?? []).flatMap((c) => runs(c, ctx, style));
  }
}

function blocks(node: MdNode, ctx: Ctx, level = 0): (Paragraph | Table)[] {
  const kids = node.children ?? [];
  switch (node.type) {
    case "heading":
      return [new Paragraph({ heading: HEADINGS[Math.min(3, (node.depth ?? 1) - 1)], children: kids.flatMap((c) => runs(c, ctx)) })];
    case "paragraph":
      return [new Paragraph({ children: kids.flatMap((c) => runs(c, ctx)) })];
    case "list":
      return kids.flatMap((item, i) =>
        (item.children ?? []).flatMap((b, j) =>
          b.type === "list"
            ? blocks(b, ctx, level + 1)
            : b.type === "paragraph"
              ? [
                  new Paragraph({
                    bullet: node.ordered ? undefined : { level },
                    indent: node.ordered ? { left: 360 * (level + 1) } : undefined,
                    children: [
                      ...(node.ordered && j === 0 ? [new TextRun(`${i + 1}. `)] : []),
                      ...(b.children ?? []).flatMap((c) => runs(c, ctx)),
                    ],
                  }),
                ]
              : blocks(b, ctx, level + 1),
        ),
      );
    case "table":
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: kids.map(
            (row, r) =>
              new TableRow({
                tableHeader: r === 0,
                children: (row.children ?? []).map(
                  (cell) =>
                    new TableCell({
                      children: [new Paragraph({ children: (cell.children ?? []).flatMap((c) => runs(c, ctx, { bold: r === 0 })) })],
                    }),
                ),
              }),
          ),
        }),
      ];
    case "code":
      return (node.value ?? "")
        .split("\n")
        .map((line) => new Paragraph({ children: [new TextRun({ text: line, font: "Courier New", size: 18 })] }));
    case "blockquote":
      return kids.flatMap((c) => blocks(c, ctx, level));
    case "thematicBreak":
      return [new Paragraph({ text: "" })];
    case "html":
      return [];
    default:
      return kids.length ? kids.flatMap((c) => blocks(c, ctx, level)) : [];
  }
}

/** The story as a Word document: headings, lists and tables as Word's own, each citation a footnote with the frozen card. */
export async function storyToDocx(story: StoryView): Promise<Buffer> {
  const body = withoutHelp(story.version.body);
  const zone = story.zone;
  // Word shows the figure's SVG where it can and a PNG Chromium drew from it where it cannot.
  const figures = new Map<string, Figure>();
  for (const c of story.citations.filter((x) => x.kind === "figure")) {
    const svg = String(c.frozen.svg ?? "");
    figures.set(c.id, { svg: Buffer.from(svg, "utf8"), png: await svgToPng(svg), ...svgSize(svg) });
  }
  const ctx: Ctx = {
    numbers: citationNumbers(body, story.citations),
    byId: new Map(story.citations.map((c) => [c.id, c])),
    incidentId: story.incidentId,
    zone,
    figures,
  };
  const processor = unified().use(remarkParse).use(REMARK_PLUGINS);
  const tree = processor.runSync(processor.parse(body)) as MdNode;
  const v = story.version;
  const footnotes = Object.fromEntries(
    [...ctx.numbers]
      .map(([id, n]) => [n, ctx.byId.get(id)] as const)
      .filter(([, c]) => c !== undefined && c.kind !== "figure")
      .map(([n, c]) => [n, { children: [new Paragraph(cardText(c as CitationView, ctx))] }]),
  );
  const doc = new Document({
    title: v.title,
    footnotes,
    creator: story.author,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: v.title }),
          new Paragraph({
            children: [
              new TextRun({
                text: `Version ${v.number}, ${v.status.replace("_", " ")}. Written by ${story.author}. Times in ${zone}.`,
                italics: true,
              }),
            ],
          }),
          ...blocks(tree, ctx),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
