import { expect, test } from "@playwright/test";
import { demoIncidentId } from "../fixtures/demo-incident";

test("[OVERVIEW] the demo incident's overview shows its sources on one axis, the gaps, and the chain at a glance", async ({
  page,
  request,
}) => {
  const id = await demoIncidentId(request);
  await page.goto(`/incidents/${id}`);
  const chain = page.getByRole("navigation", { name: "Chain at a glance" });
  await expect(chain.getByRole("link")).toHaveCount(9);
  await expect(chain).toContainText("5. Key acquisition / exfiltration");
  await expect(chain).toContainText(/inferred/);
  const coverage = page.getByRole("region", { name: "Sources and coverage" });
  for (const file of ["signing-system-application.xml", "debug-share-security.jsonl", "ual-mailitemsaccessed-2023.json"]) {
    await expect(coverage.getByRole("row").filter({ hasText: file })).toBeVisible();
  }
  await page.screenshot({ path: "e2e/screenshots/overview.png", fullPage: true });
});
