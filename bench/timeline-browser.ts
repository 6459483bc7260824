// The timeline in Chromium against a running app: page load to first full render, a zoom frame,
// and the canvas drawing 20,000 marks (the page's own drawMarks, bundled into the page).
import { chromium } from "@playwright/test";
import { build } from "esbuild";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function benchTimelineBrowser(baseUrl: string, incidentId: string, account: { email: string; password: string }) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const signedIn = await page.request.post(`${baseUrl}/api/session`, { data: account });
    if (signedIn.status() !== 204) throw new Error(`sign-in as ${account.email} answered ${signedIn.status()}`);
    const url = `${baseUrl}/incidents/${incidentId}/timeline`;
    const ready = async () => {
      const view = page.getByRole("application", { name: /^Timeline of/ });
      await view.and(page.locator('[data-ready="true"][data-state="idle"]')).waitFor({ timeout: 60_000 });
      return view;
    };
    // The first load compiles nothing (a production build) but warms the server's caches: excluded.
    await page.goto(url);
    await ready();
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      await page.goto(url);
      await ready();
      loads.push(Date.now() - t0);
    }
    // A zoom step with the whole incident drawn: wheel event to the next painted frame.
    const view = await ready();
    const box = await view.boundingBox();
    const frames: number[] = [];
    for (let i = 0; i < 10; i++) {
      frames.push(
        await page.evaluate(
          ([x, y, dir]) =>
            new Promise<number>((resolve) => {
              const target = document.elementFromPoint(x, y) ?? document.body;
              const t0 = performance.now();
              target.dispatchEvent(new WheelEvent("wheel", { deltaY: dir, clientX: x, clientY: y, bubbles: true, cancelable: true }));
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
            }),
          [(box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2, i % 2 ? 120 : -120] as const,
        ),
      );
    }
    // 20,000 marks through the page's drawing code, on a canvas the size of the plot.
    const bundle = await build({
      entryPoints: ["lib/timeline/draw-marks.ts"],
      bundle: true,
      format: "iife",
      globalName: "ChainlineDraw",
      write: false,
    });
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? "" });
    const draws = await page.evaluate(() => {
      const w = 1300;
      const h = 640;
      const canvas = document.createElement("canvas");
      canvas.width = w;
      canvas.height = h;
      document.body.append(canvas);
      const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
      const colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
      const marks = Array.from({ length: 20_000 }, (_, i) => ({
        x: (i * 7919) % w,
        y: (i * 104729) % h,
        color: colors[i % colors.length] as string,
      }));
      const draw = (globalThis as unknown as { ChainlineDraw: { drawMarks: (...a: unknown[]) => void } }).ChainlineDraw.drawMarks;
      const out: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        draw(ctx, w, h, marks, []);
        ctx.getImageData(0, 0, 1, 1); // wait for the raster, not just the command list
        out.push(performance.now() - t0);
      }
      return out;
    });
    return { loadMs: median(loads), loads, zoomFrameMs: median(frames), draw20kMs: median(draws) };
  } finally {
    await browser.close();
  }
}
