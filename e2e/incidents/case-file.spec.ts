import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";

test("[CASE FILE] an analyst downloads an incident's case file and imports it as a new incident; a cut file is refused by line", async ({
  page,
  request,
}, testInfo) => {
  const title = `Case file ${Date.now()}`;
  const incident = await (await request.post("/api/incidents", { data: { title } })).json();
  const content = Buffer.from(
    [
      '{"time":"2023-05-15T03:12:44.123456Z","message":"login ok","user":"alice@example.test","src_ip":"203.0.113.7"}',
      '{"time":"2023-06-20T08:00:00Z","message":"<b>mail read</b>","user":"alice@example.test"}',
      '{"time":"2023-07-01T12:00:00Z","message":"logout"}',
    ].join("\n"),
  );
  const started = await request.post(`/api/incidents/${incident.id}/sources?name=vpn-audit.jsonl`, { data: content });
  const { jobId } = await started.json();
  await expect.poll(async () => (await (await request.get(`/api/imports/${jobId}`)).json()).status, { timeout: 20_000 }).toBe("done");

  await page.goto(`/incidents/${incident.id}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the case file" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^case-file-\d+\.chainline-case\.jsonl\.gz$/);
  const file = testInfo.outputPath("case.jsonl.gz");
  await download.saveAs(file);
  const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
  expect(JSON.parse(lines[0] as string)).toMatchObject({ kind: "chainline-case-file", incident: { title } });
  expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ kind: "end", counts: { events: 3, sources: 1 } });

  // A file cut short: refused with its name and line, and no incident is made.
  const cut = testInfo.outputPath("cut.jsonl");
  writeFileSync(cut, `${lines.slice(0, -1).join("\n")}\n`);
  await page.goto("/incidents");
  const form = page.getByRole("form", { name: "Import a case file" });
  await form.getByLabel("Case file").setInputFiles(cut);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("alert")).toContainText(`cut.jsonl: line ${lines.length - 1}: the file ends without its closing line`);

  await form.getByLabel("Case file").setInputFiles(file);
  await form.getByLabel("Title").fill(`${title} (copy)`);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: `${title} (copy)` })).toBeVisible();
  const stats = page.locator("dl");
  await expect(stats).toContainText("Sources1");
  await expect(stats).toContainText("Events3");
  // The events came across to the microsecond, their text shown as text.
  await page.getByRole("navigation", { name: "Incident views" }).getByRole("link", { name: "Events" }).click();
  await expect(page.getByRole("cell", { name: "<b>mail read</b>" })).toBeVisible();
  await expect(page.getByText("2023-05-15 03:12:44.123456")).toBeVisible();
});
