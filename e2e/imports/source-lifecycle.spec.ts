import { expect, test } from "@playwright/test";

const CSV = Buffer.from(
  ["When,User,Action", "2023-05-15 03:12:44,alice@example.test,Login", "2023-05-15 04:00:00,bob@example.test,Send"].join("\n"),
);

test("[IMPORT] read a file again in another zone, replacing the earlier reading, then delete the source", async ({ page, request }) => {
  const incident = await (await request.post("/api/incidents", { data: { title: `Source lifecycle ${Date.now()}` } })).json();
  const upload = async (replace: boolean, zone: string) => {
    await page.goto(`/incidents/${incident.id}/import`);
    await page.getByLabel("Log file").setInputFiles({ name: "berlin.csv", mimeType: "text/csv", buffer: CSV });
    await expect(page.getByRole("heading", { name: "berlin.csv — read as csv" })).toBeVisible();
    await page.getByLabel("Time zone").fill(zone);
    if (replace) await page.getByLabel("If imported before, replace that reading").check();
    await page.getByRole("button", { name: "Import berlin.csv" }).click();
  };
  await upload(false, "UTC");
  await expect(page.getByText("Import complete.")).toBeVisible();
  // The job is kept in the database and named in the address: a reload shows it again.
  await expect(page).toHaveURL(/\?job=[0-9a-f-]{36}$/);
  await page.reload();
  await expect(page.getByText("Import complete.")).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Read 2 · imported 2");
  await upload(true, "Europe/Berlin");
  await expect(page.getByRole("status")).toContainText("Replaced the earlier reading of this file (2 events): 0 annotations carried over");

  await page.goto(`/incidents/${incident.id}/sources`);
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByRole("link", { name: "berlin.csv" }).click();
  await expect(page.getByText("2023-05-15 01:12:44 UTC → 2023-05-15 02:00:00 UTC")).toBeVisible();

  await page.getByRole("button", { name: "Delete source…" }).click();
  await page.getByRole("group", { name: "Confirm deleting the source" }).getByRole("button", { name: "Delete berlin.csv" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.id}/sources$`));
  await expect(page.getByText("No sources yet.")).toBeVisible();
  const events = await (await request.get(`/api/incidents/${incident.id}/events`)).json();
  expect(events.events).toHaveLength(0);
});
