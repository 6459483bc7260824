import { expect, type Page, test } from "@playwright/test";
import { storageStateOf } from "../fixtures/auth";
import { demoIncidentId } from "../fixtures/demo-incident";

// Two writers in one draft: edits of different lines are merged, edits of the same line stop and
// show both; neither writer's text is lost.
async function typeAt(page: Page, where: "Control+Home" | "Control+End", text: string) {
  await page.locator(".cm-content").click();
  await page.keyboard.press(where);
  await page.keyboard.insertText(text);
}

test("[STORY] two people editing one draft: different lines merge, the same line asks, nothing is lost", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(90_000);
  const id = await demoIncidentId(request);
  const created = await request.post(`/api/incidents/${id}/stories`, {
    data: { title: `Shared draft ${Date.now()}`, template: "blank" },
  });
  const { storyId, versionId } = (await created.json()) as { storyId: string; versionId: string };
  const api = `/api/incidents/${id}/stories/${storyId}`;
  await request.put(`${api}/versions/${versionId}`, {
    data: { baseRevision: 0, body: "First line.\n\nA.\n\nB.\n\nMiddle line.\n\nC.\n\nD.\n\nLast line.\n" },
  });
  const url = `/incidents/${id}/story/${storyId}`;
  const owner = await browser.newContext({ storageState: storageStateOf("admin") });
  const other = await owner.newPage();
  await page.goto(url);
  await other.goto(url);

  // The analyst writes at the top and saves; the owner, on the older text, writes at the bottom.
  await typeAt(page, "Control+Home", "Analyst's opening. ");
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
  await typeAt(other, "Control+End", "Owner's closing.");
  await expect(other.getByTestId("save-status")).toHaveText(/Merged with Ann Analyst's edit|Saved/, { timeout: 15_000 });
  await expect(other.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
  const merged = (await (await request.get(api)).json()).story.version.body as string;
  expect(merged).toContain("Analyst's opening. First line.");
  expect(merged).toContain("Owner's closing.");

  // Now both change the middle line from the same text: the second is refused and shown both.
  await page.reload();
  await other.reload();
  await page.getByText("Middle line.").first().click();
  await page.keyboard.press("End");
  await page.keyboard.insertText(" (analyst)");
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
  await other.getByText("Middle line.").first().click();
  await other.keyboard.press("End");
  await other.keyboard.insertText(" (owner)");
  const merge = other.getByRole("alert", { name: "Merge your edit" });
  await expect(merge).toContainText("Ann Analyst saved this story while you were editing the same lines");
  await expect(merge.getByRole("region", { name: "Their text and yours" })).toContainText("− Middle line. (analyst)");
  await expect(merge.getByRole("region", { name: "Their text and yours" })).toContainText("+ Middle line. (owner)");
  await other.screenshot({ path: "test-results/screenshots/story-merge.png" });
  // The owner keeps theirs over the analyst's, having seen it: saved, and the analyst's line is in the history of the page, not silently gone.
  await merge.getByRole("button", { name: "Save my text over theirs" }).click();
  await expect(other.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
  expect((await (await request.get(api)).json()).story.version.body).toContain("Middle line. (owner)");
  await owner.close();
});
