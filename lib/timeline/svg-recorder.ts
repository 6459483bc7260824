import { type DrawCell, type DrawMark, drawMarks } from "./draw-marks";

/**
 * The canvas marks as SVG paths: drawMarks() run against a recorder that keeps the path it is given
 * (rectangles and circles, one path per colour) instead of painting pixels, so a figure of the
 * timeline is vector like the rest of it.
 */
export function marksAsSvgPaths(width: number, height: number, marks: readonly DrawMark[], cells: readonly DrawCell[]): string {
  const paths: string[] = [];
  let d = "";
  const n = (v: number) => (Math.round(v * 100) / 100).toString();
  const recorder = {
    globalAlpha: 1,
    fillStyle: "#000",
    clearRect() {},
    beginPath() {
      d = "";
    },
    rect(x: number, y: number, w: number, h: number) {
      d += `M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`;
    },
    moveTo(x: number, y: number) {
      d += `M${n(x)} ${n(y)}`;
    },
    // drawMarks draws only whole circles, starting at (x + r, y) where moveTo left the pen.
    arc(x: number, y: number, r: number) {
      d += `A${n(r)} ${n(r)} 0 1 0 ${n(x - r)} ${n(y)}A${n(r)} ${n(r)} 0 1 0 ${n(x + r)} ${n(y)}Z`;
    },
    fill() {
      const color = String(this.fillStyle).replace(/[^#\w(),.%\s-]/g, "");
      paths.push(`<path d="${d}" fill="${color}" fill-opacity="${this.globalAlpha}"/>`);
    },
  };
  drawMarks(recorder as unknown as CanvasRenderingContext2D, width, height, marks, cells);
  return paths.join("");
}
