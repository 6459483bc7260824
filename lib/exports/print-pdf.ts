import "server-only";
import { chromium } from "playwright-core";
import { escapeHtml } from "@/lib/format/escape-html";

export type Paper = "A4" | "Letter";

/** The Chromium the app prints with: the same one the end-to-end tests drive (Debian's, or CHROMIUM_PATH). */
export const chromiumPath = () => process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * Prints a standalone HTML document to PDF in headless Chromium: vector text and figures, page
 * numbers in the footer. The page may make no request (the document is self-contained; anything
 * else is refused), so printing cannot leak or hang on the network.
 */
export async function printPdf(html: string, opts: { paper: Paper; footer: string }): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--disable-gpu"] });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({
      format: opts.paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font: 8pt sans-serif; color: #555; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;">
        <span>${escapeHtml(opts.footer)}</span>
        <span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
    });
  } finally {
    await browser.close();
  }
}
