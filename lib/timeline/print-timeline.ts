import "server-only";
import { readFile } from "node:fs/promises";
import { withChromiumPage } from "@/lib/exports/chromium-page";
import type { Requester } from "@/lib/exports/requester";

export type TimelineImageFormat = "svg" | "png";

/**
 * The timeline view (its query string: window, lanes, filters) as the requester would download it
 * from the Timeline's Image menu: headless Chromium opens the page as them, waits until the view
 * is drawn and idle, and takes the file the menu gives. One picture, drawn by the same code.
 */
export async function timelineImage(
  who: Requester,
  incidentId: string,
  view: string,
  format: TimelineImageFormat,
  size = { width: 1400, height: 900 },
): Promise<Buffer> {
  return withChromiumPage({ ...size, ...who, javaScript: true }, async (page) => {
    const res = await page.goto(`${who.origin}/incidents/${incidentId}/timeline${view ? `?${view}` : ""}`, { waitUntil: "load" });
    if (!res?.ok()) throw new Error(`the timeline page answered ${res?.status()}`);
    const chart = page.getByRole("application", { name: /^Timeline of/ });
    await chart.and(page.locator('[data-ready="true"][data-state="idle"]')).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Image" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: format === "svg" ? "SVG (as shown)" : "PNG (as shown)" }).click(),
    ]);
    const file = await download.path();
    return readFile(file);
  });
}
