import { expect, test } from "@playwright/test";

test("[FORMATS] the formats page lists every format with an example", async ({ page }) => {
  await page.goto("/incidents");
  await page.getByRole("link", { name: "Formats" }).click();
  await expect(page.getByRole("heading", { name: "Formats", level: 1 })).toBeVisible();
  for (const name of ["JSON Lines / NDJSON", "CSV / TSV with a header", "JSON array", "Timesketch CSV"]) {
    await expect(page.getByRole("heading", { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await expect(page.getByText('{"ts":"2023-05-15T03:12:44.123456Z","msg":"login ok"')).toBeVisible();
});
