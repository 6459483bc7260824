"use client";

import { brushX, pointer, select } from "d3";
import { type RefObject, useEffect, useRef } from "react";

type BrushHandlers = {
  /** The user dragged a selection [x0, x1] (pixels); isFinal on release. */
  onBrush(x0: number, x1: number, isFinal: boolean): void;
  /** The user clicked outside the selection (d3 clears it): x is where. */
  onClick(x: number): void;
};

/**
 * Attaches a d3-brush (x only) to an SVG <g> and keeps its selection at [x0, x1]. The one place
 * d3 touches the DOM: d3-brush owns its handles; moves it makes itself (no sourceEvent) are ignored,
 * so setting the selection from the window does not loop back.
 */
export function useBrushX(
  ref: RefObject<SVGGElement | null>,
  width: number,
  height: number,
  selection: [number, number],
  handlers: BrushHandlers,
) {
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const brushRef = useRef<ReturnType<typeof brushX> | null>(null);

  useEffect(() => {
    const node = ref.current;
    if (!node || width <= 0 || height <= 0) return;
    const brush = brushX()
      .extent([
        [0, 0],
        [width, height],
      ])
      .on("brush end", (event: { type: string; selection: [number, number] | null; sourceEvent?: Event }) => {
        if (!event.sourceEvent) return;
        if (event.selection) handlersRef.current.onBrush(event.selection[0], event.selection[1], event.type === "end");
        else if (event.type === "end") handlersRef.current.onClick(pointer(event.sourceEvent, node)[0]);
      });
    const g = select(node);
    g.call(brush);
    g.select(".selection")
      .attr("fill", "var(--accent)")
      .attr("fill-opacity", 0.08)
      .attr("stroke", "var(--accent)")
      .attr("stroke-width", 1.5);
    g.select(".overlay").attr("cursor", "crosshair");
    brushRef.current = brush;
    return () => {
      g.on(".brush", null);
      g.selectAll("*").remove();
      brushRef.current = null;
    };
  }, [ref, width, height]);

  const [s0, s1] = selection;
  useEffect(() => {
    const node = ref.current;
    const brush = brushRef.current;
    if (!node || !brush) return;
    // Keep at least 3 px so a millisecond window still shows where it is.
    const a = Math.max(0, Math.min(width - 3, s0));
    const b = Math.min(width, Math.max(a + 3, s1));
    const g = select(node);
    g.call(brush.move, [a, b]);
    // A window over most of the strip would leave no room to start a new one: then a drag
    // anywhere draws a new window (the handles still resize it) instead of moving this one.
    g.select(".selection").attr("pointer-events", b - a > width * 0.6 ? "none" : null);
  }, [ref, s0, s1, width]);
}
