import { expect, test } from "@playwright/test";
import { storageStateOf } from "../fixtures/auth";

// A tabletop, as the instructor who facilitates it: the replay shows the token-forgery step only
// once its clock passes the variant's (moved) date of the first forged token.

test.use({ storageState: storageStateOf("instructor") });

test("[TRAINING] [REPLAY] the facilitator steps the clock; token forgery appears once the clock passes its shifted date; a decision is recorded", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/training");
  const form = page.getByRole("form", { name: "New tabletop" });
  await form.getByLabel("Title").fill(`Tabletop ${Date.now()}`);
  await form.getByLabel("Background records").fill("200");
  await form.getByRole("button", { name: "Start the tabletop" }).click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}\/replay\/[0-9a-f-]{36}$/, { timeout: 120_000 });
  const [, incidentId] = /\/incidents\/([0-9a-f-]{36})\//.exec(page.url()) ?? [];

  // The variant's first forged token: not the scenario's 15 May 2023 02:47, but whole weeks later.
  const chain = (await (await page.request.get(`/api/incidents/${incidentId}/chain`)).json()) as {
    steps: { stageKey: string; startAt: string }[];
  };
  const forgeryAt = chain.steps.find((s) => s.stageKey === "token-forgery")?.startAt as string;
  const weeks = (Date.parse(forgeryAt) - Date.parse("2023-05-15T02:47:18.370Z")) / (7 * 86_400_000);
  expect(weeks).toBeGreaterThanOrEqual(1);
  expect(Number.isInteger(weeks)).toBe(true);

  const stages = page.getByRole("region", { name: "The chain as known at the clock" });
  await expect(stages).toContainText("Nothing observed yet.");
  // The minute of the first forged token, before its second: not yet seen.
  await page.getByLabel("Go to (UTC)").fill(forgeryAt.slice(0, 16));
  await page.getByRole("button", { name: "Go", exact: true }).click();
  await expect(page.getByTestId("replay-clock")).toContainText(forgeryAt.slice(0, 16).replace("T", " "));
  await expect(stages.getByRole("listitem", { name: "Corporate account compromise" })).toBeVisible();
  await expect(stages.getByRole("listitem", { name: "Token forgery" })).toHaveCount(0);

  // The next prompt is the forgery's.
  await page.getByRole("button", { name: "Next prompt" }).click();
  await expect(stages.getByRole("listitem", { name: "Token forgery" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Prompts" })).toContainText("Tokens signed with a consumer key are being accepted");

  const decision = page.getByRole("form", { name: "Record a decision" });
  await decision.getByLabel("The players decide").fill("Block the consumer key for enterprise tokens.");
  await decision.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("region", { name: "Decisions" })).toContainText("Block the consumer key for enterprise tokens.");
});
