import { expect, test } from "@playwright/test";
import { demoIncidentId } from "../fixtures/demo-incident";

test("[CHAIN] the chain view shows the inferred key theft, its retention gap, and its confidence as believed on two dates", async ({
  page,
  request,
}) => {
  const id = await demoIncidentId(request);
  await page.goto(`/incidents/${id}/chain?asOf=2023-10-01`);
  // One chain, tied by the engineer's account, the dump, the debugging host and the key id.
  const chain = page.getByRole("list", { name: /^Chain 1\b.*, in order$/ });
  const card = chain.getByRole("article", { name: "5. Key acquisition / exfiltration" });
  await expect(card).toContainText("inferred");
  await expect(card).toContainText(/some time between 2021-04-20 08:19:52 UTC and 2023-05-15 02:47:18 UTC/);
  await expect(card).toContainText("gap: retention · debug-share-security.jsonl");
  await expect(card).toContainText(/likely/i);
  await expect(card).toContainText("70/100");
  // Every stage is on the page, in order, and nothing is left over as an unlinked finding.
  await expect(chain.getByRole("article")).toHaveCount(9);
  await expect(page.getByRole("heading", { name: /Unlinked findings/ })).toHaveCount(0);
  // Each step says which earlier step it follows and what ties them.
  await expect(card.getByRole("list", { name: "Follows" })).toContainText(
    "follows 4. Corporate account compromise · shares account alindqvist@corp",
  );
  await expect(card.getByRole("list", { name: "Follows" })).toContainText(
    "follows 1. Key material exposure · inferred, no shared evidence",
  );
  await expect(chain.getByRole("article", { name: "6. Token forgery" }).getByRole("list", { name: "Follows" })).toContainText(
    "follows 5. Key acquisition / exfiltration · inferred, no shared evidence",
  );

  await expect(card).toContainText("by MSRC");

  // Replay to after the 12 March 2024 addendum: the same step, now only possible, still Microsoft's word.
  await page.getByRole("link", { name: "2024-03-12" }).click();
  await expect(page).toHaveURL(/asOf=2024-03-12/);
  await expect(card).toContainText(/possible/i);
  await expect(card).toContainText("35/100");
  await expect(card).toContainText("by MSRC");
  // The CSRB's report can be cited only once released (2 April 2024), and is attributed to the CSRB.
  await page.getByRole("link", { name: "2024-04-02" }).click();
  await expect(card).toContainText("by CSRB");

  // A date that is not one is an error, not silently "now".
  await page.goto(`/incidents/${id}/chain?asOf=2023-02-30`);
  await expect(page.getByRole("alert").filter({ hasText: "Cannot show the chain as of that date" })).toContainText(
    "not a day of the calendar",
  );
  await page.goto(`/incidents/${id}/chain?asOf=2024-04-02`);

  // Evidenced steps are not inferred, and each links to its events on the timeline.
  const forgery = chain.getByRole("article", { name: "6. Token forgery" });
  await expect(forgery).toContainText("evidenced");
  await expect(forgery.getByRole("link", { name: "Events on the timeline" })).toHaveAttribute("href", /timeline\?.*stage=token-forgery/);
  // It names what its evidence involves: the 2016 signing key, linking to the key's entity page.
  const key = forgery.getByLabel("Entities its evidence names").getByRole("link", { name: "1LTMzakihiRla_8z2BEJVXeWMqo", exact: false });
  await expect(key).toHaveAttribute("href", new RegExp(`/incidents/${id}/entities/`));
  await key.click();
  await expect(page.getByRole("heading", { name: "In the chain" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Token forgery" })).toBeVisible();
  await page.goBack();
  await page.screenshot({ path: "e2e/screenshots/chain.png", fullPage: true });
});

test("[CHAIN] an analyst's assessment is kept in the step's history with its reason", async ({ page, request }) => {
  const id = await demoIncidentId(request);
  await page.goto(`/incidents/${id}/chain`);
  const card = page.getByRole("article", { name: "3. Detection failure" });
  await card.getByText("Why · history · assess").click();
  await card.getByLabel("Confidence").selectOption("likely");
  await card.getByLabel("Score (0–100)").fill("80");
  await card.getByLabel("Why (kept in the history)").fill("scanner version of April 2021 had no rule for this key type");
  await card.getByRole("button", { name: "Record assessment" }).click();
  await expect(card).toContainText("80/100", { timeout: 15_000 });
  const chain = (await (await request.get(`/api/incidents/${id}/chain`)).json()) as {
    steps: { stageKey: string; origin: string; history: { origin: string; label: string; rationale: string }[] }[];
  };
  const step = chain.steps.find((s) => s.stageKey === "detection-failure");
  expect(step?.origin).toBe("analyst");
  expect(step?.history.map((h) => `${h.origin}:${h.label}`)).toContain("analyst:likely");
  expect(step?.history.find((h) => h.origin === "analyst")?.rationale).toBe("scanner version of April 2021 had no rule for this key type");
});
