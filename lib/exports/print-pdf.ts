import "server-only";
import { escapeHtml } from "@/lib/format/escape-html";
import { withChromiumPage } from "./chromium-page";

export type Paper = "A4" | "Letter";

/**
 * Prints a standalone HTML document to PDF in headless Chromium: vector text and figures, page
 * numbers in the footer. The page may make no request (the document is self-contained), so
 * printing cannot leak or hang on the network.
 */
export async function printPdf(html: string, opts: { paper: Paper; footer: string }): Promise<Buffer> {
  return withChromiumPage({ width: 1000, height: 1400 }, async (page) => {
    await page.setContent(html, { waitUntil: "load" });
    return page.pdf({
      format: opts.paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font: 8pt sans-serif; color: #555; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;">
        <span>${escapeHtml(opts.footer)}</span>
        <span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
    });
  });
}
