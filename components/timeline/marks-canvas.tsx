"use client";

import { useEffect, useRef } from "react";
import { drawMarks } from "@/lib/timeline/draw-marks";
import type { CellRect, EventMark } from "@/lib/timeline/geometry";
import { rememberDrawn } from "./figure-svg";

export { MARK_R } from "@/lib/timeline/draw-marks";

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
    drawMarks(ctx, width, height, marks, cells);
    rememberDrawn(canvas, width, height, marks, cells);
  }, [width, height, marks, cells]);
  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas without tabindex is not focusable; the marks are pictures of data the page lists elsewhere.
  return <canvas ref={ref} aria-hidden="true" className="pointer-events-none absolute" style={{ left, top, width, height }} />;
}
