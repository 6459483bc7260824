/**
 * What a figure's SVG may hold: the shapes, text and paint a timeline is drawn with, and nothing
 * that runs, loads or embeds. A figure is shown only as an image in the app, the HTML and the PDF
 * (where nothing in it could run anyway), but Word and other readers of a DOCX take the SVG as it
 * is, so anything outside this list is refused, named, rather than trusted.
 */
const ELEMENTS = new Set([
  "svg",
  "g",
  "defs",
  "title",
  "desc",
  "clipPath",
  "pattern",
  "marker",
  "linearGradient",
  "stop",
  "rect",
  "line",
  "path",
  "circle",
  "ellipse",
  "polygon",
  "polyline",
  "text",
  "tspan",
]);

// Attribute names: geometry, paint, text, ids and references within the figure, and inert metadata.
const ATTRIBUTE = new RegExp(
  "^(?:xmlns|xmlns:xlink|id|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|dx|dy|d|points|width|height|viewBox|preserveAspectRatio|transform|" +
    "style|fill|fill-opacity|fill-rule|stroke|stroke-width|stroke-opacity|stroke-dasharray|stroke-dashoffset|stroke-linecap|stroke-linejoin|" +
    "opacity|clip-path|clip-rule|clipPathUnits|marker-start|marker-mid|marker-end|markerWidth|markerHeight|markerUnits|refX|refY|orient|" +
    "patternUnits|patternTransform|patternContentUnits|gradientUnits|gradientTransform|offset|stop-color|stop-opacity|" +
    "font-family|font-size|font-weight|font-style|text-anchor|dominant-baseline|alignment-baseline|letter-spacing|paint-order|" +
    "pointer-events|visibility|display|shape-rendering|vector-effect|role|aria-[a-z]+|data-[a-z0-9-]+)$",
);

// The only character references allowed inside attribute values: the five XML ones (a reader
// decodes the others first, so "&#106;avascript:" or "u&#114;l(" would slip past a check).
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos);)/;
// Inside the figure only: url(#id), url("#id"), url(&quot;#id&quot;).
const EXTERNAL_URL = /url\(\s*(?!(?:["']|&quot;)?#)/i;

const ATTR = /\s([^\s=]+)="([^"]*)"/g;

function attributeProblem(name: string, attr: string, value: string): string | null {
  if (!ATTRIBUTE.test(attr)) return `a figure may not hold the attribute ${attr.slice(0, 40)} (on <${name}>)`;
  if (ENTITY.test(value)) return `a figure's attribute ${attr} may not hold character references`;
  if (EXTERNAL_URL.test(value)) return `a figure may refer only to itself (url(#…)), not to ${value.slice(0, 60)}`;
  return null;
}

/** Why the SVG is refused, or null when it holds only what a figure may. */
export function checkFigureSvg(svg: string): string | null {
  if (!/^\s*<svg[\s>]/.test(svg)) return "a figure is an SVG image";
  if (/<[!?]/.test(svg)) return "a figure may hold no declarations, comments or processing instructions";
  for (const tag of svg.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)) {
    const name = tag[1] as string;
    if (!ELEMENTS.has(name)) return `a figure may not hold <${name.slice(0, 40)}>`;
    const attrs = (tag[2] as string).replace(/\/$/, "");
    for (const [, attr, value] of attrs.matchAll(ATTR)) {
      const problem = attributeProblem(name, attr as string, value as string);
      if (problem) return problem;
    }
    const rest = attrs.replace(ATTR, "").trim();
    if (rest) return `a figure's <${name}> has attributes that are not name="value": ${rest.slice(0, 60)}`;
  }
  const { width, height } = svgSize(svg);
  if (width > FIGURE_MAX_SIDE || height > FIGURE_MAX_SIDE) return `a figure is at most ${FIGURE_MAX_SIDE} × ${FIGURE_MAX_SIDE} pixels`;
  return null;
}

/** Figures are drawn at most this large: an SVG claiming more is refused (it sizes Chromium's page). */
export const FIGURE_MAX_SIDE = 4000;

/** The size an SVG declares (its width and height attributes), or a default. */
export function svgSize(svg: string): { width: number; height: number } {
  const head = svg.slice(0, 2000);
  const num = (name: string) => Number(new RegExp(`<svg[^>]*\\s${name}="(\\d+(?:\\.\\d+)?)"`).exec(head)?.[1] ?? 0);
  return { width: num("width") || 1200, height: num("height") || 400 };
}
