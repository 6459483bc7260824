import { expect, test } from "@playwright/test";

test("[STAGES] an analyst renames, reorders and adds stages on the Overview", async ({ page, request }) => {
  const incident = await (await request.post("/api/incidents", { data: { title: `Stages ${Date.now()}`, stageSet: "generic" } })).json();
  const stages = async () =>
    ((await (await request.get(`/api/incidents/${incident.id}/stages`)).json()) as { stages: { key: string; name: string }[] }).stages;
  await page.goto(`/incidents/${incident.id}`);

  const name = page.getByLabel("Name of stage initial-access");
  await name.fill("Phishing and valid accounts");
  await name.press("Enter");
  await expect.poll(async () => (await stages())[0]?.name).toBe("Phishing and valid accounts");

  await page.getByRole("button", { name: "Move Execution down" }).click();
  await expect.poll(async () => (await stages()).slice(1, 3).map((s) => s.key)).toEqual(["persistence", "execution"]);

  await page.getByLabel("New stage key").fill("reconnaissance");
  await page.getByLabel("New stage name").fill("Reconnaissance");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect.poll(async () => (await stages()).at(-1)?.key).toBe("reconnaissance");
  await expect(page.getByLabel("Name of stage reconnaissance")).toHaveValue("Reconnaissance");
});
