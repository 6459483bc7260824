/** Width of the lane-label column left of the plot (CSS pixels). */
export const GUTTER = 230;
/** Room right of the plot. */
export const RIGHT = 12;
/** Height of the time axis above the lanes (on top, so it stays in sight however many lanes there are). */
export const AXIS_H = 30;
/** At most this many raw events are drawn as SVG (each an element); more go to the canvas. */
export const SVG_MAX_MARKS = 400;

/** Requests use the plot width rounded to this step, so a 1-pixel resize does not refetch. */
const WIDTH_STEP = 50;

/** The plot width a request names for a box width. */
export function requestWidth(boxWidth: number): number {
  return Math.max(WIDTH_STEP, Math.round((boxWidth - GUTTER - RIGHT) / WIDTH_STEP) * WIDTH_STEP);
}
