import { expect, test } from "@playwright/test";

test("[OVERVIEW] the sources panel shows each source with its coverage bar and dates", async ({ page, request }) => {
  const incident = await (await request.post("/api/incidents", { data: { title: `Overview ${Date.now()}` } })).json();
  const content = Buffer.from(
    [
      '{"time":"2023-05-15T03:12:44Z","message":"login ok","user":"alice@example.test"}',
      '{"time":"2023-06-20T08:00:00Z","message":"<b>mail read</b>","user":"alice@example.test"}',
      '{"time":"2023-07-01T12:00:00Z","message":"logout"}',
    ].join("\n"),
  );
  const started = await request.post(`/api/incidents/${incident.id}/sources?name=vpn-audit.jsonl`, { data: content });
  expect(started.status()).toBe(202);
  const { jobId } = await started.json();
  await expect.poll(async () => (await (await request.get(`/api/imports/${jobId}`)).json()).status, { timeout: 20_000 }).toBe("done");

  await page.goto(`/incidents/${incident.id}`);
  const panel = page.getByRole("region", { name: "Sources and coverage" });
  await expect(panel).toBeVisible();
  const row = panel.getByRole("row").filter({ hasText: "vpn-audit.jsonl" });
  await expect(row).toContainText("jsonl");
  const cells = row.getByRole("cell");
  await expect(cells.nth(1)).toHaveText("3");
  await expect(cells.nth(2)).toHaveText("3");
  await expect(cells.nth(4)).toHaveText("0");
  await expect(cells.nth(6)).toContainText("2023-05-15 03:12:44 UTC");
  await expect(cells.nth(6)).toContainText("2023-07-01 12:00:00 UTC");
  // The bar on the shared axis names its source and dates for screen readers.
  const bar = panel.getByLabel("vpn-audit.jsonl: events from 2023-05-15 03:12:44 UTC to 2023-07-01 12:00:00 UTC", { exact: true });
  await expect(bar).toBeVisible();
  expect(await bar.evaluate((el) => el.tagName.toLowerCase())).toBe("rect");
});
