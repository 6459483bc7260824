/** The visible time window, [from, to) in milliseconds since the epoch. */
export type ViewWindow = { from: number; to: number };

/** The narrowest window: a few milliseconds, so millisecond ticks still have room. */
export const MIN_SPAN_MS = 4;
/** The widest window: half a century, far past any incident. */
export const MAX_SPAN_MS = 50 * 365.25 * 86_400_000;

/** The whole incident with a little room either side (Home). */
export function homeWindow(extent: ViewWindow | null, now = Date.now()): ViewWindow {
  if (!extent) return { from: now - 30 * 86_400_000, to: now };
  const span = Math.max(extent.to - extent.from, 60_000);
  const pad = span * 0.02;
  const mid = (extent.from + extent.to) / 2;
  return extent.to - extent.from >= 60_000
    ? { from: Math.floor(extent.from - pad), to: Math.ceil(extent.to + pad) }
    : { from: Math.floor(mid - span / 2 - pad), to: Math.ceil(mid + span / 2 + pad) };
}

/** Zooms by factor (< 1 in, > 1 out) keeping the instant at anchor where it is. */
export function zoomWindow(w: ViewWindow, factor: number, anchor = (w.from + w.to) / 2): ViewWindow {
  const span = w.to - w.from;
  const next = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span * factor));
  const k = next / span;
  const from = anchor - (anchor - w.from) * k;
  return { from, to: from + next };
}

/** Moves the window by deltaMs (positive: later). */
export function panWindow(w: ViewWindow, deltaMs: number): ViewWindow {
  return { from: w.from + deltaMs, to: w.to + deltaMs };
}

/** Keeps the window from drifting off the incident: at least a tenth of it stays over the extent. */
export function clampWindow(w: ViewWindow, extent: ViewWindow | null): ViewWindow {
  if (!extent) return w;
  const span = w.to - w.from;
  const keep = Math.min(span, Math.max(extent.to - extent.from, 1)) * 0.1;
  if (w.to < extent.from + keep) return { from: extent.from + keep - span, to: extent.from + keep };
  if (w.from > extent.to - keep) return { from: extent.to - keep, to: extent.to - keep + span };
  return w;
}

/** Rounds to whole milliseconds (URLs and the API carry milliseconds). */
export function roundWindow(w: ViewWindow): ViewWindow {
  const from = Math.floor(w.from);
  return { from, to: Math.max(from + 1, Math.ceil(w.to)) };
}
