import { expect, test } from "@playwright/test";
import { DEMO_TITLE } from "../../lib/demo-title";
import { storageStateOf } from "../fixtures/auth";

// An exercise from a reviewed incident, set by its owner: the trainee's workspace holds the
// incident's events and nothing of its chain.

test.use({ storageState: storageStateOf("admin") });

test("[TRAINING] the owner of a reviewed incident sets an exercise from it; the trainee's copy has its events and no chain", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Case study ${Date.now()}`;
  await page.goto("/training");
  const form = page.getByRole("form", { name: "New exercise" });
  await form.getByLabel("From").selectOption({ label: `Incident: ${DEMO_TITLE} (its chain as the key)` });
  await expect(form.getByLabel("Background records")).toBeDisabled();
  await form.getByLabel("Title").fill(title);
  await form.getByLabel(/Trainees/).fill("trainee@chainline.test");
  await form.getByRole("button", { name: "Set the exercise" }).click();
  await expect(page).toHaveURL(/\/training\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(page.getByRole("region", { name: "Attempts" })).toContainText("Tia Trainee");

  const trainee = await (await browser.newContext({ storageState: storageStateOf("trainee") })).newPage();
  await trainee.goto("/training");
  await trainee.getByRole("link", { name: title }).click();
  await trainee.getByRole("button", { name: "Start the exercise" }).click();
  await trainee.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "events" }).click();
  await expect(trainee.getByText(/^[\d,]+ events/)).toBeVisible();
  await expect(trainee.getByRole("navigation", { name: "Incident views" }).getByRole("link", { name: "Chain" })).toHaveCount(0);
  const workspace = /\/incidents\/([0-9a-f-]{36})\//.exec(trainee.url())?.[1];
  expect((await trainee.request.get(`/api/incidents/${workspace}/chain`)).status()).toBe(404);
});
