"use client";

import type { DrawCell, DrawMark } from "@/lib/timeline/draw-marks";
import { marksAsSvgPaths } from "@/lib/timeline/svg-recorder";

const SVG_NS = "http://www.w3.org/2000/svg";

/** What each marks canvas last drew, so a figure can draw the same marks as vector paths. */
const drawn = new WeakMap<HTMLCanvasElement, { width: number; height: number; marks: readonly DrawMark[]; cells: readonly DrawCell[] }>();

export function rememberDrawn(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  marks: readonly DrawMark[],
  cells: readonly DrawCell[],
) {
  drawn.set(canvas, { width, height, marks, cells });
}

// The presentation the theme gives through CSS classes, written onto the copy so it stands alone.
const STYLED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "opacity",
  "font-size",
  "font-family",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
  "display",
];

function inlineStyles(live: Element, copy: Element) {
  const cs = getComputedStyle(live);
  const style = STYLED.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(";");
  copy.setAttribute("style", style);
  copy.removeAttribute("class");
  const a = live.children;
  const b = copy.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i] as Element, b[i] as Element);
}

/**
 * The timeline as shown, as one standalone SVG: lanes, gaps, axis and chain copied from the page
 * with their theme colours written in, and the canvas marks redrawn as paths. Text stays text
 * (XMLSerializer escapes it), so log content in labels cannot become markup.
 */
export function timelineFigureSvg(box: HTMLElement): { svg: string; width: number; height: number } {
  const origin = box.getBoundingClientRect();
  const width = Math.round(origin.width);
  const height = Math.round(origin.height);
  const out = document.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(height));
  out.setAttribute("viewBox", `0 0 ${width} ${height}`);
  out.setAttribute("font-family", getComputedStyle(box).fontFamily);
  const bg = document.createElementNS(SVG_NS, "rect");
  bg.setAttribute("width", String(width));
  bg.setAttribute("height", String(height));
  bg.setAttribute("fill", getComputedStyle(box.closest("section") ?? box).backgroundColor);
  out.append(bg);
  for (const el of box.querySelectorAll<SVGSVGElement | HTMLCanvasElement>(":scope > svg, :scope > canvas")) {
    const r = el.getBoundingClientRect();
    const x = Math.round(r.left - origin.left);
    const y = Math.round(r.top - origin.top);
    if (el instanceof HTMLCanvasElement) {
      const d = drawn.get(el);
      if (!d) continue;
      const g = document.createElementNS(SVG_NS, "g");
      g.setAttribute("transform", `translate(${x},${y})`);
      g.innerHTML = marksAsSvgPaths(d.width, d.height, d.marks, d.cells);
      out.append(g);
    } else {
      const copy = el.cloneNode(true) as SVGSVGElement;
      inlineStyles(el, copy);
      copy.setAttribute("x", String(x));
      copy.setAttribute("y", String(y));
      copy.removeAttribute("style");
      out.append(copy);
    }
  }
  return { svg: new XMLSerializer().serializeToString(out), width, height };
}
