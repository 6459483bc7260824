import { expect, test } from "@playwright/test";

// 620 rows whose Date column holds no date: the preview warns, the import stores nothing and says
// why, and every rejected line can be read, page by page and as one file.
const ROWS = Array.from({ length: 620 }, (_, i) => `yesterday ${i},alice@example.test,Login`);
const CSV = Buffer.from(["Date,User,Action", ...ROWS].join("\n"));

test("[IMPORT] a file whose every row is rejected ends failed with the reason, and all its rejected lines can be read", async ({
  page,
  request,
}) => {
  const incident = await (await request.post("/api/incidents", { data: { title: `Nothing imported ${Date.now()}` } })).json();
  await page.goto(`/incidents/${incident.id}/import`);
  await page.getByLabel("Log file").setInputFiles({ name: "no-dates.csv", mimeType: "text/csv", buffer: CSV });
  await expect(page.getByRole("heading", { name: "no-dates.csv — read as csv" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "sampled rows" })).toContainText(
    "All sampled rows would be rejected: unrecognised timestamp",
  );

  await page.getByRole("button", { name: "Import no-dates.csv" }).click();
  const outcome = page.getByRole("alert").filter({ hasText: "Nothing imported" });
  await expect(outcome).toContainText("Nothing imported: every record (620) was rejected: unrecognised timestamp (first at line 2:");
  await outcome.getByRole("link", { name: "See the rejected lines" }).click();

  await expect(page.getByRole("heading", { name: "no-dates.csv" })).toBeVisible();
  await expect(page.getByText("failed", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Rejected lines (620)" })).toBeVisible();
  await expect(page.getByText("lines 2–501, 500 a page")).toBeVisible();
  await page.getByRole("link", { name: "Next 500 lines" }).click();
  await expect(page.getByText("lines 502–621, 500 a page")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "yesterday 619,alice@example.test,Login" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Next 500 lines" })).toHaveCount(0);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("no-dates-csv-rejected-lines.csv");
  const text = (await (await import("node:fs/promises")).readFile((await file.path()) as string, "utf8")).trim().split("\r\n");
  expect(text).toHaveLength(621);
  expect(text[620]).toBe('621,"unrecognised timestamp: ""yesterday 619""","yesterday 619,alice@example.test,Login"');

  // The source's rejected lines through the API: a bad cursor is a 400 naming it.
  const sources = (await (await request.get(`/api/incidents/${incident.id}/sources`)).json()).sources;
  expect(sources[0]).toMatchObject({ status: "failed", readCount: 620, importedCount: 0, rejectedCount: 620 });
  const bad = await request.get(`/api/incidents/${incident.id}/sources/${sources[0].id}/issues?after=nope`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).issues[0].field).toBe("after");
});
