import { expect, test } from "@playwright/test";
import { findStoredIncident } from "../fixtures/database";

test("[INCIDENTS] an owner renames an incident, sets its zone, contains and closes it with dates, then deletes it", async ({
  page,
  request,
}) => {
  const title = `Lifecycle ${Date.now()}`;
  const incident = await (await request.post("/api/incidents", { data: { title } })).json();
  await page.goto(`/incidents/${incident.id}`);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  // The tab's title names the view and the incident; the app has an icon.
  await expect(page).toHaveTitle(`Settings · ${title} · Chainline`);
  const icon = await request.get("/icon.svg");
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");

  const details = page.getByRole("form", { name: "Incident details" });
  const renamed = `${title} – mailbox access`;
  await details.getByLabel("Title").fill(renamed);
  await details.getByLabel("Summary").fill("Forged tokens read mail");
  await details.getByLabel(/^Time zone/).fill("Europe/Berlin");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);

  // Contained at a wall time in the incident's zone, shown back in that zone.
  await page.getByLabel(/^When \(Europe\/Berlin/).fill("2023-07-11T14:00");
  await page.getByRole("button", { name: "Mark contained" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("contained");
  await expect(page.getByText("2023-07-11 14:00:00 GMT+2")).toBeVisible();
  await expect(page.getByText(/^Incident · contained 2023-07-11/)).toBeVisible();
  await page.getByRole("button", { name: "Mark closed" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("closed");

  // A bad zone is refused with the field named.
  await details.getByLabel(/^Time zone/).fill("Mars/Olympus");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("alert")).toHaveText("timeZone: Not an IANA time zone (e.g. UTC, Europe/Berlin)");

  // The list shows the new name and status; the audit trail has every change.
  await page.goto("/incidents");
  await expect(page.getByRole("row").filter({ hasText: renamed })).toContainText("closed");
  const stored = await findStoredIncident(request, renamed);
  // In any order: read from Postgres oldest first, through the API (embedded database) newest first.
  expect([...(stored?.auditActions ?? [])].sort()).toEqual(["incident.create", "incident.status", "incident.status", "incident.update"]);

  // Deleting needs the title typed exactly; then the incident is gone.
  await page.goto(`/incidents/${incident.id}/settings`);
  const del = page.getByRole("form", { name: "Delete the incident" });
  await del.getByLabel("Type the incident's title to confirm").fill(title);
  await expect(del.getByRole("button", { name: "Delete incident" })).toBeDisabled();
  await del.getByLabel("Type the incident's title to confirm").fill(renamed);
  await del.getByRole("button", { name: "Delete incident" }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  await expect(page.getByRole("row").filter({ hasText: renamed })).toHaveCount(0);
  expect((await request.get(`/api/incidents/${incident.id}`)).status()).toBe(404);
});
