import { type Browser, expect, type Page, test } from "@playwright/test";
import { storageStateOf } from "../fixtures/auth";

// The training flow end to end, each part signed in as the role it exercises: the instructor sets
// an exercise with a variant per trainee; the two trainees' workspaces hold different values for
// the same question; one trainee works every task and submits; the score is the figure this test
// computes from the instructor's answer key; the feedback names the missed evidence; the
// instructor's dashboard shows both attempts.

type KeyRef = { file: string; line: number; summary: string };
type Key = {
  variant: number;
  stageTags: (KeyRef & { stage: string })[];
  chainOrder: { stage: string }[];
  window: { start: string; end: string };
  gaps: { id: string; start: string; end: string }[];
  hypothesis: { leading: string; confidence: string };
  exact: Record<string, { accepted: string[] }>;
};
type AttemptKey = { attemptId: string; email: string; workspaceId: string; key: Key; eventIds: Record<string, string> };

async function pageAs(browser: Browser, who: "instructor" | "trainee" | "trainee2"): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(who), viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

const round = (x: number) => Math.round(x * 10) / 10;
/** Intersection over union of two windows, as the exercise scores them. */
function iou(a: [number, number], b: [number, number]): number {
  const inter = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  const union = Math.max(a[1], b[1]) - Math.min(a[0], b[0]);
  return union === 0 ? 1 : inter / union;
}
/** An ISO time as the datetime-local input takes it (minutes), and back as the form sends it. */
const minute = (iso: string) => iso.slice(0, 16);
const fromMinute = (m: string) => Date.parse(`${m}:00Z`);

test("[TRAINING] an instructor sets an exercise with a variant per trainee; a trainee works it and is scored as the key says", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const instructor = await pageAs(browser, "instructor");
  const title = `Drill ${Date.now()}`;
  await instructor.goto("/training");
  const form = instructor.getByRole("form", { name: "New exercise" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel(/Trainees/).fill("trainee@chainline.test\ntrainee2@chainline.test");
  await form.getByLabel("Background records").fill("200");
  await form.getByLabel(/Time limit/).fill("120");
  await form.getByRole("button", { name: "Set the exercise" }).click();
  await expect(instructor).toHaveURL(/\/training\/[0-9a-f-]{36}$/, { timeout: 120_000 });
  const exerciseId = instructor.url().split("/").at(-1) as string;
  await expect(instructor.getByRole("heading", { name: title })).toBeVisible();

  const keys = (await (await instructor.request.get(`/api/exercises/${exerciseId}/keys`)).json()).attempts as AttemptKey[];
  const tia = keys.find((k) => k.email === "trainee@chainline.test") as AttemptKey;
  const tom = keys.find((k) => k.email === "trainee2@chainline.test") as AttemptKey;
  expect(tia.key.variant).not.toBe(tom.key.variant);

  // Tia starts in the browser; Tom through the API. Only then are their workspaces open to them.
  const tiaPage = await pageAs(browser, "trainee");
  const tomPage = await pageAs(browser, "trainee2");
  expect((await tomPage.request.get(`/api/incidents/${tom.workspaceId}/events`)).status()).toBe(404);
  expect((await tomPage.request.post(`/api/attempts/${tom.attemptId}/start`)).status()).toBe(200);
  const page = tiaPage;
  await page.goto("/training");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("navigation", { name: "Workspace" })).toHaveCount(0);
  await page.getByRole("button", { name: "Start the exercise" }).click();
  await expect(page.getByRole("heading", { name: "Tag the key events" })).toBeVisible();

  // The same question has different answers in the two workspaces: each trainee's evidence holds
  // their own key id and actor address, not the other's.
  for (const [who, mine, theirs] of [
    [tiaPage, tia, tom],
    [tomPage, tom, tia],
  ] as const) {
    const holds = async (value: string) => {
      const found = await who.request.get(`/api/incidents/${mine.workspaceId}/entities?q=${encodeURIComponent(value)}`);
      return ((await found.json()).entities as { value: string }[]).some((e) => e.value.toLowerCase() === value.toLowerCase());
    };
    for (const task of ["kid", "address"]) {
      expect(await holds(String(mine.key.exact[task]?.accepted[0])), `${mine.email} sees their ${task}`).toBe(true);
      expect(await holds(String(theirs.key.exact[task]?.accepted[0])), `${mine.email} sees no other ${task}`).toBe(false);
    }
    // And not the other's workspace at all.
    expect((await who.request.get(`/api/incidents/${theirs.workspaceId}/events`)).status()).toBe(404);
  }
  expect(tia.key.exact.kid?.accepted[0]).not.toBe(tom.key.exact.kid?.accepted[0]);

  // Tags: one through the Events view, the rest but the first two through the API as her.
  const key = tia.key;
  const refId = (r: KeyRef) => `${r.file}:${r.line}`;
  const tagged = key.stageTags.slice(2);
  const [firstTag, ...otherTags] = tagged;
  if (!firstTag) throw new Error("no key events");
  // Stage names from the instructor (a trainee has no stage API: it belongs to the chain).
  const stageNames: Record<string, string> = Object.fromEntries(
    (
      (await (await instructor.request.get(`/api/incidents/${tia.workspaceId}/stages`)).json()).stages as { key: string; name: string }[]
    ).map((s) => [s.key, s.name]),
  );
  // The Events view narrowed to that event's second, so its row is in view.
  const firstId = tia.eventIds[refId(firstTag)] as string;
  const at = (await (await page.request.get(`/api/incidents/${tia.workspaceId}/events/${firstId}`)).json()).event.occurredAt as string;
  const to = new Date(Date.parse(at) + 1000).toISOString();
  await page.goto(`/incidents/${tia.workspaceId}/events?from=${encodeURIComponent(at)}&to=${encodeURIComponent(to)}`);
  await page.getByLabel(`Select event ${tia.eventIds[refId(firstTag)]}`).check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await bulk.getByLabel("Stage for the selected events").selectOption(firstTag.stage);
  await bulk.getByRole("button", { name: "Set stage" }).click();
  await expect(page.getByRole("row").filter({ has: page.getByLabel(`Select event ${tia.eventIds[refId(firstTag)]}`) })).toContainText(
    stageNames[firstTag.stage] as string,
  );
  for (const stage of new Set(otherTags.map((t) => t.stage))) {
    const eventIds = otherTags.filter((t) => t.stage === stage).map((t) => tia.eventIds[refId(t)]);
    expect(
      (await page.request.post(`/api/incidents/${tia.workspaceId}/events/stage`, { data: { eventIds, stageKey: stage } })).status(),
    ).toBe(200);
  }
  await page.getByRole("link", { name: "Back to the tasks" }).click();
  await expect(page.getByText(`You have tagged ${tagged.length} events.`)).toBeVisible();

  // The chain in the key's order, moved into place with the up buttons.
  const want = key.chainOrder.map((c) => c.stage);
  const order = page.getByRole("form", { name: "Chain order" });
  const names = await order.getByRole("listitem").allInnerTexts();
  expect(names.length).toBe(want.length);
  for (const [i, stage] of want.entries()) {
    const name = stageNames[stage] as string;
    let at = (await order.getByRole("listitem").allInnerTexts()).findIndex((t) => t.includes(name));
    while (at > i) {
      await order.getByRole("button", { name: `Move ${name} up` }).click();
      at--;
    }
  }
  await order.getByRole("button", { name: "Save" }).click();
  await expect(order.getByText("Saved")).toBeVisible();

  // The key-theft window to the minute, one gap of the key's, the leading hypothesis with its confidence.
  const win = page.getByRole("form", { name: "Key theft window" });
  await win.getByLabel("From (UTC)").fill(minute(key.window.start));
  await win.getByLabel("To (UTC)").fill(minute(key.window.end));
  await win.getByRole("button", { name: "Save" }).click();
  await expect(win.getByText("Saved")).toBeVisible();
  const g1 = key.gaps[0] as Key["gaps"][number];
  const gaps = page.getByRole("form", { name: "Evidence gaps" });
  await gaps.getByLabel("From (UTC)").fill(minute(g1.start));
  await gaps.getByLabel("To (UTC)").fill(minute(g1.end));
  await gaps.getByLabel("Whose logs").fill("debugging environment");
  await gaps.getByRole("button", { name: "Save" }).click();
  await expect(gaps.getByText("Saved")).toBeVisible();
  const hyp = page.getByRole("form", { name: "Leading hypothesis" });
  await hyp.locator(`input[name="choice"][value="${key.hypothesis.leading}"]`).check();
  await hyp.getByLabel("Confidence").selectOption(key.hypothesis.confidence);
  await hyp.getByRole("button", { name: "Save" }).click();
  await expect(hyp.getByText("Saved")).toBeVisible();

  // Exact questions: the other trainee's key id first (wrong), then hers; a hint, then the app id; no address.
  const kid = page.getByRole("form", { name: "Which key signed the forged tokens?" });
  await kid.getByLabel("Answer").fill(tom.key.exact.kid?.accepted[0] as string);
  await kid.getByRole("button", { name: "Check" }).click();
  await expect(kid.getByRole("status")).toHaveText("Not right (1 try so far).");
  await kid.getByLabel("Answer").fill(key.exact.kid?.accepted[0] as string);
  await kid.getByRole("button", { name: "Check" }).click();
  await expect(page.getByText("✓ Answered right after 1 wrong try.")).toBeVisible();
  const appCard = page.getByRole("region", { name: "Which AppId read the mailboxes?" });
  await appCard.getByRole("button", { name: "Take a hint (−1 point)" }).click();
  await expect(appCard.getByText(/^Hint: /)).toBeVisible();
  await appCard.getByLabel("Answer").fill(key.exact.app?.accepted[0] as string);
  await appCard.getByRole("button", { name: "Check" }).click();
  await expect(appCard.getByText("✓ Answered right.")).toBeVisible();
  const brief = page.getByRole("form", { name: "Brief" });
  await brief.getByLabel("Your brief").fill("Forged tokens signed with a stolen consumer key read our mail since at least 15 May.");
  await brief.getByRole("button", { name: "Save" }).click();
  await expect(brief.getByText("Saved")).toBeVisible();

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Submit for scoring" }).click();

  // The figure from the key: tags F1 × 30, order 15, window IoU × 15, one of three gaps × 10,
  // hypothesis 10, key id 5 − 1, app id 5 − 1 (hint), address 0, brief pending.
  const n = key.stageTags.length;
  const recall = (n - 2) / n;
  const tags = round(((2 * recall) / (1 + recall)) * 30);
  const ms = (iso: string) => Date.parse(iso);
  const window = round(
    iou([ms(key.window.start), ms(key.window.end)], [fromMinute(minute(key.window.start)), fromMinute(minute(key.window.end))]) * 15,
  );
  const gap = round((iou([ms(g1.start), ms(g1.end)], [fromMinute(minute(g1.start)), fromMinute(minute(g1.end))]) / key.gaps.length) * 10);
  const expected = round(tags + 15 + window + gap + 10 + 4 + 4);
  await expect(page.getByRole("heading", { name: /^Score:/ })).toHaveText(`Score: ${expected} of 100`);

  // The feedback names the evidence she missed, linked to the event in her workspace.
  const missed = key.stageTags[0] as Key["stageTags"][number];
  const tagFeedback = page.getByRole("article", { name: "Tag the key events" });
  const link = tagFeedback.getByRole("link", { name: new RegExp(`${regexEscape(missed.summary)}.*line ${missed.line}`) });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", `/incidents/${tia.workspaceId}/events?event=${tia.eventIds[refId(missed)]}`);
  await expect(tagFeedback).toContainText(`Not tagged: 2 events that evidence ${stageNames[missed.stage]}.`);
  await expect(page.getByRole("article", { name: "From which address?" })).toContainText("The answer is");

  // The dashboard shows both attempts.
  await instructor.reload();
  const rows = instructor.getByRole("region", { name: "Attempts" }).getByRole("row");
  await expect(rows.filter({ hasText: "Tia Trainee" })).toContainText("submitted, brief to grade");
  await expect(rows.filter({ hasText: "Tia Trainee" })).toContainText(`${expected} / 100`);
  await expect(rows.filter({ hasText: "Tom Trainee" })).toContainText("in progress");
  const csv = await (await instructor.request.get(`/api/exercises/${exerciseId}/results`)).text();
  expect(csv.split("\r\n")[0]).toMatch(/^trainee,email,variant,/);
  expect(csv).toContain(`Tia Trainee,trainee@chainline.test,${tia.key.variant},`);
});

function regexEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
