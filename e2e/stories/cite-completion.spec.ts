import { expect, test } from "@playwright/test";
import { demoIncidentId } from "../fixtures/demo-incident";

test("[STORY] typing [[ in the editor offers the chain's steps, gaps, hypotheses and events; the pick is cited and shown as its card", async ({
  page,
  request,
}) => {
  const id = await demoIncidentId(request);
  const created = await request.post(`/api/incidents/${id}/stories`, { data: { title: `Completion ${Date.now()}`, template: "blank" } });
  const { storyId } = (await created.json()) as { storyId: string };
  await page.goto(`/incidents/${id}/story/${storyId}`);
  await page.locator(".cm-content").click();
  await page.keyboard.type("The forged tokens: [[token forg");
  const options = page.getByRole("listbox");
  await expect(options.getByRole("option", { name: /Token forgery.*step · Token forgery · confirmed 90/ })).toBeVisible();
  await options.getByRole("option", { name: /Token forgery.*step/ }).click();
  await expect(page.locator(".cm-content")).toContainText(/The forged tokens: \[\[cite:[0-9a-f-]{36}\]\]/);
  // A reference inside a sentence is a number whose hover shows what it cites.
  await expect(page.getByRole("region", { name: "Preview" }).locator("sup")).toHaveAttribute("title", /Chain step: Token forgery/);
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
  const story = (await (await request.get(`/api/incidents/${id}/stories/${storyId}`)).json()).story;
  expect(story.citations).toEqual([expect.objectContaining({ kind: "step", frozen: expect.objectContaining({ stage: "Token forgery" }) })]);
});
