import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { zonedTime } from "../../lib/stories/render/citation-card";
import { storageStateOf } from "../fixtures/auth";
import { demoIncidentId } from "../fixtures/demo-incident";

// The whole of a post-mortem on the demo incident, as its writers use it: drafted from the
// evidence, citing events from the timeline drawer, a chain step and the timeline as a figure,
// reviewed by someone else, published, exported; and hostile text in the story and in a cited
// event does nothing anywhere.
const HOSTILE_EVENT = `<script>window.__pwned = "event"</script><img src=x onerror="window.__pwned = 'event-img'"> signed in from 203.0.113.77`;
const HOSTILE_TEXT = `\n\n<script>window.__pwned = "story"</script>\n\nSee <img src=x onerror="window.__pwned = 'story-img'"> and [this](javascript:window.__pwned='link').\n`;

type Citation = { id: string; kind: string; ref: string; frozen: Record<string, string | number | boolean | null>; changes: unknown[] };
type Story = { id: string; zone: string; version: { id: string; number: number; status: string; body: string }; citations: Citation[] };

async function waitForJob(request: APIRequestContext, jobId: string) {
  await expect
    .poll(async () => (await (await request.get(`/api/imports/${jobId}`)).json()).status, { timeout: 60_000, intervals: [250, 500, 1_000] })
    .toBe("done");
}

/** Picks the story in a "Cite in story…" (or "Add to story…") menu and waits for the confirmation. */
async function citeFrom(scope: ReturnType<Page["getByRole"]> | Page, button: string, title: string) {
  await scope.getByRole("button", { name: button }).click();
  await scope.getByRole("button", { name: title }).click();
  await expect(scope.getByRole("status").filter({ hasText: "Cited in" })).toBeVisible();
}

const pdfText = (pdf: Buffer) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "chainline-e2e-")), "story.pdf");
  writeFileSync(file, pdf);
  return {
    text: execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }),
    info: execFileSync("pdfinfo", [file], { encoding: "utf8" }),
  };
};
const squash = (s: string) => s.replace(/\s+/g, "");

test("[STORY] an analyst drafts a post-mortem from the evidence, cites three events, a step and a figure; another approves and publishes; every export holds the evidence", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(240_000);
  const id = await demoIncidentId(request);
  const api = `/api/incidents/${id}`;

  // An event whose message is markup, uploaded as a log.
  const started = await request.post(`${api}/sources?name=story-hostile.jsonl`, {
    data: Buffer.from(`${JSON.stringify({ time: "2023-06-01T08:00:00.123456Z", message: HOSTILE_EVENT, user: "mallory@example.test" })}\n`),
  });
  expect(started.status()).toBe(202);
  await waitForJob(request, (await started.json()).jobId);
  const sources = (await (await request.get(`${api}/sources`)).json()).sources as { id: string; name: string }[];
  const hostileSource = sources.find((s) => s.name === "story-hostile.jsonl")?.id;
  const hostileId = String((await (await request.get(`${api}/events?source=${hostileSource}&limit=1`)).json()).events[0].id);
  const chain = (await (await request.get(`${api}/chain`)).json()) as { steps: { stageName: string; keyEventIds: string[] }[] };
  const forgery = chain.steps.find((s) => s.stageName === "Token forgery");
  const mailbox = chain.steps.find((s) => s.stageName === "Mailbox access");
  const eventIds = [String(forgery?.keyEventIds[0]), String(mailbox?.keyEventIds[0]), hostileId];

  // From the template, drafted from the evidence.
  const title = `Post-mortem ${Date.now()}`;
  await page.goto(`/incidents/${id}/story`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Template").selectOption("postmortem");
  await page.getByRole("button", { name: "Create story" }).click();
  await expect(page).toHaveURL(/\/story\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(page.url()).pathname;
  const storyId = storyUrl.split("/").at(-1) as string;
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("The evidence holds a chain of 9 steps");

  // Three events from the timeline drawer, one chain step, the timeline as a figure.
  for (const eventId of eventIds) {
    await page.goto(`/incidents/${id}/timeline?event=${eventId}`);
    await citeFrom(page.getByRole("dialog"), "Cite in story…", title);
  }
  await page.goto(`/incidents/${id}/chain`);
  await citeFrom(page.getByRole("article", { name: "6. Token forgery" }), "Cite in story…", title);
  await page.goto(`/incidents/${id}/timeline`);
  await expect(page.getByRole("application", { name: /^Timeline of/ })).toHaveAttribute("data-ready", "true");
  await citeFrom(page, "Add to story…", title);

  // Back in the story: the cards and the figure are at the end; markup typed into the text stays inert.
  await page.goto(storyUrl);
  const preview = page.getByRole("region", { name: "Preview" });
  const before = (await (await request.get(`${api}/stories/${storyId}`)).json()).story.version.body as string;
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  // Line by line, as typed (a multi-line synthetic insertText is not how text reaches an editor).
  for (const line of HOSTILE_TEXT.split("\n")) {
    await page.keyboard.insertText(line);
    await page.keyboard.press("Enter");
  }
  await expect(page.getByTestId("save-status")).toHaveText("Unsaved changes");
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
  const after = (await (await request.get(`${api}/stories/${storyId}`)).json()).story.version.body as string;
  expect(after.startsWith(before.trimEnd())).toBe(true);
  expect(after).toContain(HOSTILE_TEXT.trim());
  // The draft cites inside its sentences; the five added from outside the editor are cards of their own.
  await expect(preview.locator("[data-citation]")).toHaveCount(5);
  await expect(preview.getByRole("img", { name: /The timeline, .* lanes by stage/ })).toBeVisible();
  await expect(preview).toContainText(HOSTILE_EVENT);
  await expect(preview.locator("script, img[onerror], a[href^='javascript']")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  await page.screenshot({ path: "test-results/screenshots/story-editor.png" });

  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("In review");
  await expect(page.getByText("Waiting for a reviewer who is not the author.")).toBeVisible();

  // A second person (the incident's owner) approves against the checklist and publishes.
  const owner = await browser.newContext({ storageState: storageStateOf("admin") });
  const reviewer = await owner.newPage();
  await reviewer.goto(storyUrl);
  for (const box of await reviewer.getByRole("group", { name: "Before approving, confirm:" }).getByRole("checkbox").all())
    await box.check();
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByTestId("story-status")).toHaveText("Approved");
  await reviewer.getByRole("button", { name: "Publish" }).click();
  await expect(reviewer.getByTestId("story-status")).toHaveText("Published");
  await reviewer.screenshot({ path: "test-results/screenshots/story-published.png", fullPage: true });
  await owner.close();

  const story = (await (await request.get(`${api}/stories/${storyId}`)).json()).story as Story;
  expect(story.version.status).toBe("published");
  const events = story.citations.filter((c) => c.kind === "event");
  expect(events.map((c) => c.ref).sort()).toEqual([...eventIds].sort());
  // The draft already cites every step; citing one again reuses its citation while it is unchanged.
  expect(story.citations.filter((c) => c.kind === "step").map((c) => c.frozen.stage)).toContain("Token forgery");
  expect(story.citations.filter((c) => c.kind === "figure")).toHaveLength(1);

  // The PDF (A4 and Letter) holds the cited events' times and messages.
  for (const paper of ["a4", "letter"]) {
    const res = await request.get(`${api}/stories/${storyId}/export?format=pdf&paper=${paper}`);
    expect(res.status()).toBe(200);
    const { text, info } = pdfText(await res.body());
    expect(info).toContain(paper === "a4" ? "(A4)" : "(letter)");
    for (const c of events) {
      expect(text).toContain(zonedTime(c.frozen.time, story.zone));
      expect(squash(text)).toContain(squash(String(c.frozen.message)).slice(0, 60));
    }
    if (paper === "a4")
      execFileSync("pdftoppm", ["-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", "-", "test-results/screenshots/story-pdf-page1"], {
        input: await res.body(),
      });
  }

  // The HTML export, opened with the network blocked, renders complete and runs nothing.
  const html = await (await request.get(`${api}/stories/${storyId}/export?format=html`)).text();
  const offline = await browser.newContext();
  const reader = await offline.newPage();
  const requested: string[] = [];
  await reader.route("**/*", (route) => {
    requested.push(route.request().url());
    return route.abort();
  });
  await reader.setContent(html);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  // Four cards in the text (the figure is a figure) and, under "Evidence cited", one card per citation but the figure.
  await expect(reader.locator("article > .cite-card")).toHaveCount(4);
  await expect(reader.locator(".evidence .cite-card")).toHaveCount(story.citations.filter((c) => c.kind !== "figure").length);
  expect(await reader.locator("figure img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(reader.locator("body")).toContainText(HOSTILE_EVENT);
  expect(await reader.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(requested.filter((u) => !u.startsWith("data:"))).toEqual([]);
  await offline.close();

  // The DOCX holds the text and, in its footnotes, the cited events.
  const docx = path.join(mkdtempSync(path.join(tmpdir(), "chainline-e2e-")), "story.docx");
  writeFileSync(docx, await (await request.get(`${api}/stories/${storyId}/export?format=docx`)).body());
  const documentXml = execFileSync("unzip", ["-p", docx, "word/document.xml"], { encoding: "utf8" });
  const footnotesXml = execFileSync("unzip", ["-p", docx, "word/footnotes.xml"], { encoding: "utf8" });
  expect(documentXml).toContain("The evidence holds a chain of 9 steps");
  for (const c of events) expect(footnotesXml).toContain(zonedTime(c.frozen.time, story.zone));
  // The figure as vector (SVG) with the PNG Word needs where it cannot show SVG.
  expect(execFileSync("unzip", ["-l", docx], { encoding: "utf8" })).toMatch(
    /word\/media\/image1\.svg[\s\S]*word\/media\/image1\.png|word\/media\/image1\.png[\s\S]*word\/media\/image1\.svg/,
  );

  // After publishing, a cited event's stage changes: a new draft says so; the published version does not move.
  const published = await (await request.get(`${api}/stories/${storyId}/export?format=md&version=1`)).text();
  const tag = await request.post(`${api}/events/stage`, { data: { eventIds: [hostileId], stageKey: "mailbox-access" } });
  expect(tag.status()).toBe(200);
  try {
    await page.goto(storyUrl);
    await page.getByRole("button", { name: "Start a new version" }).click();
    await expect(page).toHaveURL(/version=2/);
    await expect(page.getByRole("region", { name: "Preview" }).getByRole("note")).toContainText("Changed since cited");
    await expect(page.getByRole("region", { name: "Preview" }).getByRole("note")).toContainText("stage: — → Mailbox access");
    expect(await (await request.get(`${api}/stories/${storyId}/export?format=md&version=1`)).text()).toBe(published);
  } finally {
    await request.post(`${api}/events/stage`, { data: { eventIds: [hostileId], stageKey: null } });
  }
});
