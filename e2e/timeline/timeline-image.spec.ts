import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { demoIncidentId } from "../fixtures/demo-incident";

test("[TIMELINE] the view as shown downloads as SVG (vector, lanes and chain labelled) and as PNG at twice its size", async ({
  page,
  request,
}) => {
  const id = await demoIncidentId(request);
  await page.goto(`/incidents/${id}/timeline?lanes=stage`);
  const view = page.getByRole("application", { name: /^Timeline of/ });
  await expect(view).toHaveAttribute("data-ready", "true");
  await expect(view).toHaveAttribute("data-state", "idle");
  const box = await view.boundingBox();

  await page.getByRole("button", { name: "Image" }).click();
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "SVG (as shown)" }).click()]);
  const svg = readFileSync((await svgDownload.path()) as string, "utf8");
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
  expect(svg).toContain(">Token forgery<");
  expect(svg).toMatch(/<path d="M[^"]+" fill="[^"]+" fill-opacity="0\.8"\/>/); // the marks, as vector paths
  expect(svg).not.toContain("class=");

  // The menu stays open for the second picture.
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "PNG (as shown)" }).click()]);
  const png = readFileSync((await pngDownload.path()) as string);
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.readUInt32BE(16)).toBe(Math.round(box?.width ?? 0) * 2);
  expect(png.readUInt32BE(20)).toBe(Math.round(box?.height ?? 0) * 2);
});
