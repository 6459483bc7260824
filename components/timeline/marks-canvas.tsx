"use client";

import { useEffect, useRef } from "react";
import type { CellRect, EventMark } from "@/lib/timeline/geometry";

/** Radius of an event mark. */
export const MARK_R = 3.5;

function byColor<T extends { color: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const list = out.get(it.color);
    if (list) list.push(it);
    else out.set(it.color, [it]);
  }
  return out;
}

/**
 * Event marks and bins on a devicePixelRatio-aware canvas: one path per colour, so 20,000 marks
 * are a handful of fill() calls. Log text never reaches the canvas.
 */
export function MarksCanvas({
  left,
  top,
  width,
  height,
  marks,
  cells,
}: {
  left: number;
  top: number;
  width: number;
  height: number;
  marks: readonly EventMark[];
  cells: readonly CellRect[];
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(width * dpr));
    const h = Math.max(1, Math.round(height * dpr));
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.globalAlpha = 0.85;
    for (const [color, list] of byColor(cells)) {
      ctx.fillStyle = color;
      ctx.beginPath();
      for (const c of list) ctx.rect(c.x, c.y, c.w, c.h);
      ctx.fill();
    }
    ctx.globalAlpha = 0.8;
    for (const [color, list] of byColor(marks)) {
      ctx.fillStyle = color;
      ctx.beginPath();
      for (const m of list) {
        ctx.moveTo(m.x + MARK_R, m.y);
        ctx.arc(m.x, m.y, MARK_R, 0, Math.PI * 2);
      }
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }, [width, height, marks, cells]);
  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas without tabindex is not focusable; the marks are pictures of data the page lists elsewhere.
  return <canvas ref={ref} aria-hidden="true" className="pointer-events-none absolute" style={{ left, top, width, height }} />;
}
