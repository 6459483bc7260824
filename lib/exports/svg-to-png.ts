import "server-only";
import { FIGURE_MAX_SIDE, svgSize } from "@/lib/stories/figure-svg-check";
import { withChromiumPage } from "./chromium-page";

/** An SVG rasterised by Chromium at twice its size, for documents whose readers may not show SVG (Word's fallback). */
export async function svgToPng(svg: string): Promise<Buffer> {
  const size = svgSize(svg);
  const width = Math.min(size.width, FIGURE_MAX_SIDE);
  const height = Math.min(size.height, FIGURE_MAX_SIDE);
  return withChromiumPage({ width, height, scale: 2 }, async (page) => {
    const src = `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
    await page.setContent(`<body style="margin:0"><img src="${src}" width="${width}" height="${height}"></body>`, { waitUntil: "load" });
    return page.screenshot({ clip: { x: 0, y: 0, width, height } });
  });
}
