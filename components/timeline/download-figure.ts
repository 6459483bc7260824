"use client";

import { timelineFigureSvg } from "./figure-svg";

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The timeline as shown (theme, lanes, window) as an SVG file: the same picture a story's figure holds. */
export function downloadTimelineSvg(box: HTMLElement, filename: string) {
  save(new Blob([timelineFigureSvg(box).svg], { type: "image/svg+xml" }), filename);
}

/** The same picture as a PNG at twice the screen's size, drawn by the browser from the SVG. */
export async function downloadTimelinePng(box: HTMLElement, filename: string) {
  const { svg, width, height } = timelineFigureSvg(box);
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, width, height);
  URL.revokeObjectURL(img.src);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (blob) save(blob, filename);
}
