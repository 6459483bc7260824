"use client";

import { type RefObject, useEffect, useRef } from "react";
import { panWindow, type ViewWindow, zoomWindow } from "@/lib/timeline/view-window";

type PanZoomOptions = {
  /** Where the plot starts inside the element, and how wide it is (CSS pixels). */
  plotLeft: number;
  plotTop: number;
  plotWidth: number;
  /** The window as it is now, including changes not rendered yet. */
  getWindow(): ViewWindow;
  /** Plot x (pixels) → instant, with the scale on screen. */
  invert(x: number): number;
  onWindow(w: ViewWindow): void;
  /** A press and release without a drag, at plot coordinates. */
  onClick(x: number, y: number): void;
  /** The pointer moved over the plot (null: it left or a drag began). */
  onHover(point: { x: number; y: number } | null): void;
};

const DRAG_PX = 3;

/**
 * Wheel zooms around the pointer (shift+wheel or a sideways wheel pans), dragging pans, a click
 * is a click. Wheel steps are summed and applied once per animation frame, so a fast wheel
 * costs one render per frame; listeners are native because React's wheel listener is passive.
 */
export function usePanZoom(ref: RefObject<HTMLElement | null>, options: PanZoomOptions) {
  const opts = useRef(options);
  opts.current = options;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let zoomDelta = 0;
    let panDelta = 0;
    let anchorX = 0;
    let frame = 0;
    let drag: { id: number; x: number; y: number; window: ViewWindow; isDragging: boolean } | null = null;

    const local = (e: { clientX: number; clientY: number }) => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left - opts.current.plotLeft, y: e.clientY - r.top - opts.current.plotTop };
    };

    const apply = () => {
      frame = 0;
      const o = opts.current;
      let w = o.getWindow();
      if (zoomDelta) w = zoomWindow(w, 2 ** (zoomDelta * 0.002), o.invert(anchorX));
      if (panDelta) w = panWindow(w, (panDelta * (w.to - w.from)) / o.plotWidth);
      zoomDelta = 0;
      panDelta = 0;
      o.onWindow(w);
    };

    const onWheel = (e: WheelEvent) => {
      const p = local(e);
      if (p.x < 0 || p.x > opts.current.plotWidth) return; // over the lane labels: let the page scroll
      e.preventDefault();
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const sideways = Math.abs(e.deltaX) > Math.abs(e.deltaY);
      if (sideways) panDelta += e.deltaX * unit;
      else if (e.shiftKey) panDelta += e.deltaY * unit;
      else {
        zoomDelta += e.deltaY * unit;
        anchorX = p.x;
      }
      if (!frame) frame = requestAnimationFrame(apply);
    };

    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const p = local(e);
      if (p.x < 0 || p.x > opts.current.plotWidth) return;
      drag = { id: e.pointerId, x: p.x, y: p.y, window: opts.current.getWindow(), isDragging: false };
    };

    const onMove = (e: PointerEvent) => {
      const p = local(e);
      if (!drag || drag.id !== e.pointerId) {
        opts.current.onHover(p.x >= 0 && p.x <= opts.current.plotWidth ? p : null);
        return;
      }
      const dx = p.x - drag.x;
      if (!drag.isDragging && Math.abs(dx) < DRAG_PX) return;
      if (!drag.isDragging) {
        drag.isDragging = true;
        el.setPointerCapture(e.pointerId);
        el.style.cursor = "grabbing";
        opts.current.onHover(null);
      }
      const span = drag.window.to - drag.window.from;
      opts.current.onWindow(panWindow(drag.window, (-dx * span) / opts.current.plotWidth));
    };

    const onUp = (e: PointerEvent) => {
      if (!drag || drag.id !== e.pointerId) return;
      const wasDragging = drag.isDragging;
      drag = null;
      el.style.cursor = "";
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
      if (!wasDragging) {
        const p = local(e);
        opts.current.onClick(p.x, p.y);
      }
    };

    const onLeave = () => {
      if (!drag) opts.current.onHover(null);
    };

    el.addEventListener("wheel", onWheel, { passive: false });
    el.addEventListener("pointerdown", onDown);
    el.addEventListener("pointermove", onMove);
    el.addEventListener("pointerup", onUp);
    el.addEventListener("pointercancel", onUp);
    el.addEventListener("pointerleave", onLeave);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      el.removeEventListener("wheel", onWheel);
      el.removeEventListener("pointerdown", onDown);
      el.removeEventListener("pointermove", onMove);
      el.removeEventListener("pointerup", onUp);
      el.removeEventListener("pointercancel", onUp);
      el.removeEventListener("pointerleave", onLeave);
    };
  }, [ref]);
}
