import { mkdirSync } from "node:fs";
import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import { ANALYST_NAME } from "../fixtures/auth";
import { demoIncidentId } from "../fixtures/demo-incident";

// The Storm-0558 demo incident (scripts/test.sh loads it with `chainline scenario load` before the
// suite), plus one event whose message is an HTML payload, uploaded here.
const XSS = "<img src=x onerror=alert(1)>";

type TimelineEvent = { id: string; occurredAt: string; action: string | null; sourceId: string; message: string };
type Timeline = { kind: "events" | "buckets"; events?: TimelineEvent[]; gaps: { reason: string; sourceId: string | null }[] };
type Source = { id: string; name: string };

let incidentId = "";
let sources: Source[] = [];

async function waitForJob(request: APIRequestContext, jobId: string) {
  await expect
    .poll(async () => (await (await request.get(`/api/imports/${jobId}`)).json()).status, { timeout: 60_000, intervals: [250, 500, 1_000] })
    .toBe("done");
}

test.beforeAll(async ({ playwright }, testInfo) => {
  testInfo.setTimeout(120_000);
  const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  incidentId = await demoIncidentId(request);
  const started = await request.post(`/api/incidents/${incidentId}/sources?name=hostile.jsonl`, {
    data: Buffer.from(`${JSON.stringify({ time: "2023-05-20T12:00:00.250Z", message: XSS, user: "mallory@example.test" })}\n`),
  });
  expect(started.status()).toBe(202);
  await waitForJob(request, (await started.json()).jobId);
  sources = (await (await request.get(`/api/incidents/${incidentId}/sources`)).json()).sources;
  await request.dispose();
});

const sourceId = (name: string) => {
  const s = sources.find((x) => x.name === name);
  if (!s) throw new Error(`no source ${name}`);
  return s.id;
};

async function timelineApi(request: APIRequestContext, query: string): Promise<Timeline> {
  const res = await request.get(`/api/incidents/${incidentId}/timeline?${query}`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** The main view, once it is live (hydrated, drawn) and holds the data for its window. */
async function openTimeline(page: Page, query: string): Promise<Locator> {
  await page.goto(`/incidents/${incidentId}/timeline?${query}`);
  const view = page.getByRole("application", { name: /^Timeline of/ });
  await expect(view).toHaveAttribute("data-ready", "true");
  await expect(view).toHaveAttribute("data-state", "idle");
  return view;
}

/** The vertical centre of the lane whose label starts with `label`, and of an element. */
async function centreY(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not on screen");
  return box.y + box.height / 2;
}

async function expectInLane(view: Locator, mark: Locator, label: string) {
  const lane = view
    .locator("text")
    .filter({ hasText: new RegExp(`^${label.slice(0, 18)}`) })
    .first();
  await expect(lane).toBeVisible();
  expect(Math.abs((await centreY(mark)) - (await centreY(lane)))).toBeLessThan(15); // lanes are 30 px tall
}

test("[TIMELINE] the April 2021 crash and the 15 May 2023 mailbox access sit in their lanes", async ({ page }) => {
  const crashWindow = "from=2021-04-20T07:30:00.000Z&to=2021-04-20T08:00:00.000Z";
  let view = await openTimeline(page, `lanes=source&${crashWindow}`);
  const crash = view.locator('circle[data-action="application-crash"]');
  await expect(crash).toHaveCount(1);
  await expect(crash).toHaveAttribute("data-lane", sourceId("signing-system-application.xml"));
  await expectInLane(view, crash, "signing-system-application.xml");

  const mailWindow = "from=2023-05-15T02:40:00.000Z&to=2023-05-15T03:00:00.000Z";
  view = await openTimeline(page, `lanes=source&${mailWindow}`);
  const mail = view.locator('circle[data-action="MailItemsAccessed"]').first();
  await expect(mail).toHaveAttribute("data-lane", sourceId("ual-mailitemsaccessed-2023.json"));
  await expectInLane(view, mail, "ual-mailitemsaccessed-2023.json");

  // By stage: the rules tag the crash as key material exposure and the forged-token reads as mailbox access.
  view = await openTimeline(page, `lanes=stage&${crashWindow}`);
  await expectInLane(view, view.locator('circle[data-action="application-crash"]'), "Key material exposure");
  view = await openTimeline(page, `lanes=stage&${mailWindow}`);
  await expectInLane(view, view.locator('circle[data-lane="mailbox-access"][data-action="MailItemsAccessed"]').first(), "Mailbox access");
});

test("[TIMELINE] brushing the overview narrows the main view and the URL; keys zoom and Home shows everything", async ({ page }) => {
  const view = await openTimeline(page, "lanes=stage");
  const span = () => {
    const q = new URL(page.url()).searchParams;
    return Date.parse(q.get("to") ?? "") - Date.parse(q.get("from") ?? "");
  };
  await expect.poll(() => new URL(page.url()).searchParams.get("from")).not.toBeNull();
  const whole = span();

  const overlay = page.getByRole("region", { name: "Overview of the whole incident" }).locator("rect.overlay");
  const box = await overlay.boundingBox();
  if (!box) throw new Error("no brush");
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.05, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.15, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.25, y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(span).toBeLessThan(whole * 0.3);
  const from = Date.parse(new URL(page.url()).searchParams.get("from") ?? "");
  expect(new Date(from).getUTCFullYear()).toBe(2021);
  // The main view says the window it shows, and the URL reproduces it.
  const label = page.getByRole("region", { name: "Timeline" }).locator("p.mono");
  await expect(label).toContainText(new Date(from).toISOString().slice(0, 10));
  const brushed = span();
  await page.reload();
  await expect(label).toContainText(new Date(from).toISOString().slice(0, 10));

  await view.focus();
  await page.keyboard.press("+");
  await expect.poll(span).toBeLessThan(brushed * 0.6);
  await page.keyboard.press("Home");
  await expect.poll(span).toBe(whole);
});

test("[TIMELINE] clicking a MailItemsAccessed mark opens the details drawer with its AppId; a comment added there is stored", async ({
  page,
  request,
}) => {
  const day = await timelineApi(request, "lanes=source&from=2023-05-15T00:00:00.000Z&to=2023-05-16T00:00:00.000Z&q=MailItemsAccessed");
  const first = day.events?.find((e) => e.action === "MailItemsAccessed");
  if (!first) throw new Error("no MailItemsAccessed on 15 May 2023");
  const t = Date.parse(first.occurredAt);
  const window = `from=${new Date(t - 1_000).toISOString()}&to=${new Date(t + 1_000).toISOString()}`;
  const view = await openTimeline(page, `lanes=source&${window}`);
  // Marks of one second can overlap: click where this one is, whichever of them is on top.
  await view.locator(`circle[data-event-id="${first.id}"]`).click({ force: true });

  const drawer = page.getByRole("dialog", { name: "MailItemsAccessed" });
  await expect(drawer).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get("event")).toMatch(/^\d+$/);
  const eventId = new URL(page.url()).searchParams.get("event");
  const detail = (await (await request.get(`/api/incidents/${incidentId}/events/${eventId}`)).json()).event;
  expect(detail.action).toBe("MailItemsAccessed");
  const appId: string = detail.raw.AppId;
  expect(appId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(drawer.locator("pre")).toContainText(`"AppId": "${appId}"`);
  await expect(drawer.getByRole("button", { name: "Copy" })).toBeVisible();

  // A comment added in the drawer is stored, with its author.
  const comment = `AppId ${appId.slice(0, 8)} is not an Outlook client (${Date.now()})`;
  await drawer.getByPlaceholder("Comment (Ctrl+Enter to add)").fill(comment);
  await drawer.getByRole("button", { name: "Add comment" }).click();
  await expect(drawer.getByRole("list", { name: "Annotation history" })).toContainText(comment);
  const stored = (await (await request.get(`/api/incidents/${incidentId}/events/${eventId}/annotations`)).json()) as {
    annotations: { kind: string; value: string; author: { name: string } }[];
  };
  expect(stored.annotations).toContainEqual(
    expect.objectContaining({ kind: "comment", value: comment, author: expect.objectContaining({ name: ANALYST_NAME }) }),
  );

  await drawer.getByRole("button", { name: "Close details" }).click();
  await expect(drawer).toBeHidden();
});

test("[TIMELINE] the retention gap is a hatched band on its source's lane, labelled with its reason", async ({ page, request }) => {
  const data = await timelineApi(request, "lanes=source&limit=0");
  const debugShare = sourceId("debug-share-security.jsonl");
  expect(data.gaps.some((g) => g.reason === "retention" && g.sourceId === debugShare)).toBe(true);

  const view = await openTimeline(page, "lanes=source");
  const band = view.getByLabel(/^retention gap in debug-share-security\.jsonl: 2021-08-01 00:00:00 UTC to /);
  await expect(band).toBeVisible();
  await expect(band.locator("rect").first()).toHaveAttribute("fill", /^url\(#.*hatch\)$/);
  await expect(band.locator("text")).toHaveText("retention");
});

test("[TIMELINE] an HTML payload in a log message is shown as text and never runs", async ({ page, request }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const hostile = await timelineApi(request, `lanes=source&source=${sourceId("hostile.jsonl")}`);
  const event = hostile.events?.[0];
  expect(event?.message).toBe(XSS);

  const view = await openTimeline(page, "lanes=source&from=2023-05-20T11:59:59.000Z&to=2023-05-20T12:00:01.000Z");
  const mark = view.locator(`circle[data-event-id="${event?.id}"]`);
  await expect(async () => {
    await mark.hover({ force: true });
    await expect(page.getByRole("tooltip")).toContainText(XSS, { timeout: 1_000 });
  }).toPass();
  await mark.click({ force: true });
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByText(XSS, { exact: true })).toBeVisible();
  await expect(drawer.locator("pre")).toContainText(JSON.stringify(XSS));
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("[TIMELINE] screenshot of the whole incident at 1440×900", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const view = await openTimeline(page, "lanes=stage");
  await expect(view.locator("text").filter({ hasText: /^Untagged/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Overview of the whole incident" }).locator("[data-state]")).toHaveAttribute(
    "data-state",
    "idle",
  );
  mkdirSync("e2e/screenshots", { recursive: true });
  await page.screenshot({ path: "e2e/screenshots/timeline.png" });
});
