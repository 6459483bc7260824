import "server-only";
import { chromium, type Page } from "playwright-core";
import { Slots } from "./slots";

/**
 * Browsers running at once (CHAINLINE_CHROMIUM_MAX, default 2): each is a few hundred MB, and
 * printing is asked for by any member, so more requests wait their turn rather than exhaust memory.
 */
const browsers = new Slots(Number(process.env.CHAINLINE_CHROMIUM_MAX) || 2);

/** The Chromium the app prints with: the same one the end-to-end tests drive (Debian's, or CHROMIUM_PATH). */
export const chromiumPath = () => process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export type PageOptions = {
  width: number;
  height: number;
  scale?: number;
  /** The one origin the page may load from (the app itself, to print one of its pages); otherwise nothing. */
  origin?: string;
  /** Cookies for that origin: the requester's session, so the page shows what they may see. */
  cookies?: { name: string; value: string }[];
  /** Headers for that origin's requests: the requester's token, when they came with one (the CLI). */
  headers?: Record<string, string>;
  /** Run the page's own script (a client-drawn view such as the timeline); off by default. */
  javaScript?: boolean;
};

/**
 * A headless Chromium page that runs no script (unless asked) and may request nothing but data:
 * URLs (and, when printing one of the app's own pages, that origin), for printing and
 * rasterising; closed when `work` is done.
 */
export async function withChromiumPage<T>(opts: PageOptions, work: (page: Page) => Promise<T>): Promise<T> {
  return browsers.run(() => inChromium(opts, work));
}

async function inChromium<T>(opts: PageOptions, work: (page: Page) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--disable-gpu"] });
  try {
    const context = await browser.newContext({
      javaScriptEnabled: opts.javaScript ?? false,
      // Only the app's own origin is ever reached (the route below), so the requester's headers go nowhere else.
      extraHTTPHeaders: opts.origin ? opts.headers : undefined,
      viewport: { width: opts.width, height: opts.height },
      deviceScaleFactor: opts.scale ?? 1,
    });
    if (opts.origin && opts.cookies?.length) await context.addCookies(opts.cookies.map((c) => ({ ...c, url: opts.origin as string })));
    const page = await context.newPage();
    await page.route("**/*", (route) => {
      const url = route.request().url();
      return url.startsWith("data:") || (opts.origin && url.startsWith(`${opts.origin}/`)) ? route.continue() : route.abort();
    });
    return await work(page);
  } finally {
    await browser.close();
  }
}
