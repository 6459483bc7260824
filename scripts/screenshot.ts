// Saves a screenshot of a page, for looking at what we build: tsx scripts/screenshot.ts URL OUT.png [WxH]
import { chromium } from "@playwright/test";

const [url, out, size = "1440x900"] = process.argv.slice(2);
if (!url || !out) {
  console.error("usage: tsx scripts/screenshot.ts URL OUT.png [WIDTHxHEIGHT]");
  process.exit(2);
}
const [width, height] = size.split("x").map(Number);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: width ?? 1440, height: height ?? 900 } });
await page.goto(url, { waitUntil: "networkidle" });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(out);
