import { expect, test } from "@playwright/test";
import { ANALYST_NAME } from "../fixtures/auth";
import { findStoredIncident } from "../fixtures/database";

test("[INCIDENTS] create an incident from the list page", async ({ page, request }) => {
  const title = `Exchange Online intrusion ${Date.now()}`;
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { name: "Incidents", exact: true })).toBeVisible();

  // The list page also has the case-file import form (its own title field): this is the other one.
  const form = page.getByRole("form", { name: "New incident" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Summary").fill("Forged tokens read mail; <b>not bold</b>");
  await form.getByLabel("Stages").selectOption("storm-0558");
  await form.getByRole("button", { name: "Create incident" }).click();

  await expect(page.getByRole("status")).toContainText(`Created ${title}`);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toBeVisible();

  const stored = await findStoredIncident(request, title);
  expect(stored).not.toBeNull();
  expect(stored?.auditActions).toEqual(["incident.create"]);
  expect(stored?.auditActor).toBe(ANALYST_NAME);

  // The incident page opens with its tabs and the stage set chosen in the form.
  await row.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${stored?.id}$`));
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Incident views" }).getByRole("link")).toHaveText([
    "Overview",
    "Brief",
    "Timeline",
    "Chain",
    "Events",
    "Entities",
    "Sources",
    "Story",
    "Replay",
    "Members",
    "Audit",
  ]);
  await expect(page.getByLabel("Name of stage key-acquisition")).toHaveValue("Key acquisition / exfiltration");
  // Text typed by a user is shown as text, never as markup.
  await expect(page.getByText("Forged tokens read mail; <b>not bold</b>")).toBeVisible();

  await page.getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("row").filter({ hasText: "incident.create" })).toContainText(ANALYST_NAME);
});

test("[INCIDENTS] an empty title is refused beside the field", async ({ page }) => {
  await page.goto("/incidents");
  const form = page.getByRole("form", { name: "New incident" });
  await form.getByLabel("Title").fill("   ");
  await form.getByRole("button", { name: "Create incident" }).click();
  await expect(page.getByText("Title is required")).toBeVisible();
});

test("[HEALTH] reports the database mode and applied migrations", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.database.mode).toBe(process.env.E2E_DATABASE_URL ? "server" : "embedded");
  expect(body.database.migrations.pending).toEqual([]);
  expect(body.database.migrations.applied).toBeGreaterThan(0);
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});
