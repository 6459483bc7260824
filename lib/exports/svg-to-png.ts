import "server-only";
import { withChromiumPage } from "./chromium-page";

/** The size an SVG declares (its width and height attributes), or a default. */
export function svgSize(svg: string): { width: number; height: number } {
  const head = svg.slice(0, 2000);
  const num = (name: string) => Number(new RegExp(`<svg[^>]*\\s${name}="(\\d+(?:\\.\\d+)?)"`).exec(head)?.[1] ?? 0);
  return { width: num("width") || 1200, height: num("height") || 400 };
}

/** An SVG rasterised by Chromium at twice its size, for documents whose readers may not show SVG (Word's fallback). */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { width, height } = svgSize(svg);
  return withChromiumPage({ width, height, scale: 2 }, async (page) => {
    const src = `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
    await page.setContent(`<body style="margin:0"><img src="${src}" width="${width}" height="${height}"></body>`, { waitUntil: "load" });
    return page.screenshot({ clip: { x: 0, y: 0, width, height } });
  });
}
