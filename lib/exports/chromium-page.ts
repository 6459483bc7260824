import "server-only";
import { chromium, type Page } from "playwright-core";

/** The Chromium the app prints with: the same one the end-to-end tests drive (Debian's, or CHROMIUM_PATH). */
export const chromiumPath = () => process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * A headless Chromium page that may make no request and runs no script, for printing and
 * rasterising documents the app wrote itself; closed when `work` is done.
 */
export async function withChromiumPage<T>(
  viewport: { width: number; height: number; scale?: number },
  work: (page: Page) => Promise<T>,
): Promise<T> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--disable-gpu"] });
  try {
    const page = await browser.newPage({
      javaScriptEnabled: false,
      viewport: { width: viewport.width, height: viewport.height },
      deviceScaleFactor: viewport.scale ?? 1,
    });
    await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
    return await work(page);
  } finally {
    await browser.close();
  }
}
