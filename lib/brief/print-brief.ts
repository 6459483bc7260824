import "server-only";
import { withChromiumPage } from "@/lib/exports/chromium-page";
import type { Paper } from "@/lib/exports/print-pdf";
import type { Requester } from "@/lib/exports/requester";

/** Pages in a PDF Chromium wrote: its page objects (not the page tree). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export type BriefPrint = Requester & { incidentId: string; asOf: string | null };

const briefUrl = (p: BriefPrint) => `${p.origin}/incidents/${p.incidentId}/brief${p.asOf ? `?asOf=${encodeURIComponent(p.asOf)}` : ""}`;

/**
 * The brief page itself, printed by headless Chromium as the person who asked (their session), so
 * the PDF is what they see: exactly one page, the type scaled down in steps only if it does not fit.
 */
export async function briefPdf(p: BriefPrint, paper: Paper): Promise<Buffer> {
  return withChromiumPage({ width: 1100, height: 1400, origin: p.origin, cookies: p.cookies, headers: p.headers }, async (page) => {
    const res = await page.goto(briefUrl(p), { waitUntil: "load" });
    if (!res?.ok()) throw new Error(`the brief page answered ${res?.status()}`);
    let pdf: Buffer = Buffer.alloc(0);
    for (const scale of [1, 0.92, 0.85, 0.78, 0.7, 0.62, 0.55]) {
      pdf = await page.pdf({
        format: paper,
        printBackground: true,
        scale,
        margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" },
      });
      if (pdfPageCount(pdf) === 1) break;
    }
    return pdf;
  });
}

/** The brief as a PNG, as printed (no app chrome), at twice screen resolution. */
export async function briefPng(p: BriefPrint): Promise<Buffer> {
  return withChromiumPage(
    { width: 1200, height: 900, scale: 2, origin: p.origin, cookies: p.cookies, headers: p.headers },
    async (page) => {
      await page.emulateMedia({ media: "print" });
      const res = await page.goto(briefUrl(p), { waitUntil: "load" });
      if (!res?.ok()) throw new Error(`the brief page answered ${res?.status()}`);
      return page.screenshot({ fullPage: true });
    },
  );
}
