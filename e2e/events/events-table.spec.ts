import { expect, test } from "@playwright/test";
import pg from "pg";
import { ANALYST_NAME } from "../fixtures/auth";

const HOSTILE = "<img src=x onerror=alert(1)>";

/** 40 ordinary VPN records, three credential dumps and one hostile message, a minute apart. */
function authLog(): Buffer {
  const at = (i: number) => new Date(Date.UTC(2023, 4, 15, 3, 0, 0) + i * 60_000).toISOString();
  const lines = [JSON.stringify({ time: at(0), message: HOSTILE, user: "mallory@example.test" })];
  for (let i = 1; i <= 43; i++) {
    const isDump = i === 10 || i === 11 || i === 30;
    lines.push(
      JSON.stringify({
        time: at(i),
        message: isDump ? `mimikatz sekurlsa::logonpasswords on host-${i}` : `vpn login ${i} ok`,
        user: i % 2 ? "alice@example.test" : "bob@example.test",
        src_ip: `203.0.113.${i}`,
      }),
    );
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

type ListedEvent = { id: string; message: string; starred: boolean; commentCount: number };

test("[EVENTS] search, filter by stage, star a selection, comment, and find it all after a reload", async ({ page, request }) => {
  // Many steps, each waiting on the server: more than the default 30 s on a busy CI machine.
  test.slow();
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  const incident = await (await request.post("/api/incidents", { data: { title: `Events ${Date.now()}` } })).json();
  const started = await request.post(`/api/incidents/${incident.id}/sources?name=auth.jsonl`, { data: authLog() });
  expect(started.status()).toBe(202);
  const { jobId } = await started.json();
  await expect.poll(async () => (await (await request.get(`/api/imports/${jobId}`)).json()).status, { timeout: 20_000 }).toBe("done");

  // The three dumps get a stage by hand (the API the timeline's drawer uses).
  const dumps = (await (await request.get(`/api/incidents/${incident.id}/events?q=mimikatz`)).json()) as { events: ListedEvent[] };
  const ids = dumps.events.map((e) => e.id);
  expect(ids).toHaveLength(3);
  const [first = "", second = "", third = ""] = ids;
  const staged = await request.post(`/api/incidents/${incident.id}/events/stage`, {
    data: { eventIds: ids, stageKey: "credential-access" },
  });
  expect(staged.ok()).toBe(true);

  await page.goto(`/incidents/${incident.id}/events`);
  const status = page.getByRole("status");
  const table = page.getByRole("table", { name: "Events" });
  await expect(status).toContainText("44 events");
  // Log content is text, never markup.
  await expect(table.getByText(HOSTILE, { exact: true })).toBeVisible();

  // Full-text search, kept in the URL.
  const search = page.getByLabel("Search event messages");
  await search.fill("mimikatz");
  await expect(status).toContainText("3 events match");
  await expect(page).toHaveURL(/[?&]q=mimikatz/);
  await search.fill("");
  await expect(status).toContainText("44 events");

  // Filter by stage.
  await page.locator("summary", { hasText: "Stage:" }).click();
  await page.getByRole("checkbox", { name: "Credential access" }).check();
  await page.keyboard.press("Escape");
  await expect(status).toContainText("3 events match");
  await expect(page).toHaveURL(/[?&]stage=credential-access/);
  await expect(table.getByText("vpn login 1 ok")).toHaveCount(0);

  // Select two rows (a click, then a shift-click) and star them.
  await page.getByRole("checkbox", { name: `Select event ${first}` }).click();
  await page.getByRole("checkbox", { name: `Select event ${second}` }).click({ modifiers: ["Shift"] });
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("2 selected");
  await bulk.getByRole("button", { name: "Star", exact: true }).click();
  await expect(status).toContainText("Starred 2 events.");
  await expect(page.getByRole("button", { name: `Unstar event ${first}` })).toBeVisible();

  // Stored: the API lists exactly those two as starred (and, on a server, the audit names the actor).
  const starred = (await (await request.get(`/api/incidents/${incident.id}/events?starred=1`)).json()) as { events: ListedEvent[] };
  expect(starred.events.map((e) => e.id).sort()).toEqual([first, second].sort());
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ action: string; name: string; after: { eventIds: string[] } }>(
        "SELECT a.action, u.name, a.after FROM audit_entries a JOIN users u ON u.id = a.actor_id WHERE a.incident_id = $1 AND a.action = 'event.star'",
        [incident.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.name).toBe(ANALYST_NAME);
      expect(rows[0]?.after.eventIds.sort()).toEqual([first, second].sort());
    } finally {
      await client.end();
    }
  }

  // A comment on the third dump, from the row's comment button.
  await page.getByRole("button", { name: `Comment on event ${third}` }).click();
  const panel = page.getByRole("region", { name: `Annotations of event ${third}` });
  await panel.getByLabel("Comment").fill("LSASS dumped here <b>twice</b>");
  await panel.getByRole("button", { name: "Add comment" }).click();
  const history = panel.getByRole("list", { name: "Annotation history" });
  await expect(history).toContainText(`${ANALYST_NAME} commented LSASS dumped here <b>twice</b>`);

  // After a reload the URL brings the same view back, with the stars and the comment.
  await page.reload();
  await expect(status).toContainText("3 events match");
  await expect(page.getByRole("button", { name: `Unstar event ${first}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Unstar event ${second}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Star event ${third}` })).toBeVisible();
  await page.getByRole("button", { name: `Comment on event ${third} (1 comment)` }).click();
  await expect(
    page.getByRole("region", { name: `Annotations of event ${third}` }).getByRole("list", { name: "Annotation history" }),
  ).toContainText("LSASS dumped here <b>twice</b>");

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "e2e/screenshots/events.png" });
  expect(dialogs).toBe(0);
});
