/** What the canvas draws: bins as rectangles, events as dots, each with its colour. */
export type DrawCell = { x: number; y: number; w: number; h: number; color: string };
export type DrawMark = { x: number; y: number; color: string };

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
 * Paints bins and marks on a 2D context already scaled for the device pixel ratio: one path per
 * colour, so 20,000 marks are a handful of fill() calls. Log text never reaches the canvas.
 */
export function drawMarks(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  marks: readonly DrawMark[],
  cells: readonly DrawCell[],
): void {
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
}
