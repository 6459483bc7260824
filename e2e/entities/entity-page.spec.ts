import { expect, test } from "@playwright/test";

test("[ENTITIES] an entity page lists its events and pivots to a related entity", async ({ page, request }) => {
  const incident = await (await request.post("/api/incidents", { data: { title: `Entities ${Date.now()}` } })).json();
  const content = Buffer.from(
    [
      '{"time":"2023-05-15T03:12:44.123456Z","message":"login ok","user":"alice@example.test","host":"WKS-1","src_ip":"203.0.113.7"}',
      '{"time":"2023-06-20T08:00:00Z","message":"<b>mail read</b>","user":"alice@example.test","src_ip":"203.0.113.7"}',
      '{"time":"2023-06-21T09:30:00Z","message":"file copied","user":"alice@example.test","host":"WKS-2","src_ip":"198.51.100.9"}',
      '{"time":"2023-07-01T12:00:00Z","message":"login ok","user":"bob@example.test","src_ip":"203.0.113.7"}',
    ].join("\n"),
  );
  const started = await request.post(`/api/incidents/${incident.id}/sources?name=vpn-audit.jsonl`, { data: content });
  expect(started.status()).toBe(202);
  const { jobId } = await started.json();
  await expect.poll(async () => (await (await request.get(`/api/imports/${jobId}`)).json()).status, { timeout: 20_000 }).toBe("done");

  // Find the account through the list's filters.
  await page.goto(`/incidents/${incident.id}`);
  await page.getByRole("navigation", { name: "Incident views" }).getByRole("link", { name: "Entities" }).click();
  await page.getByLabel("Kind").selectOption("account");
  await page.getByLabel("Value contains").fill("alice");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: "alice@example.test" }).click();

  await expect(page.getByRole("heading", { name: "alice@example.test" })).toBeVisible();
  const events = page.getByRole("region", { name: /^Events/ });
  await expect(events.getByRole("row")).toHaveCount(4);
  // Log content is text, never markup; each time opens the event on the timeline, microseconds on hover.
  await expect(events.getByText("<b>mail read</b>", { exact: true })).toBeVisible();
  const first = events.getByRole("link", { name: "2023-05-15 03:12:44 UTC" });
  await expect(first).toHaveAttribute("href", new RegExp(`^/incidents/${incident.id}/timeline\\?event=\\d+$`));
  await expect(first.locator("time")).toHaveAttribute("title", "2023-05-15T03:12:44.123456Z");

  // The pivot: the IP alice used twice, and from it, the other account that used it.
  const related = page.getByRole("region", { name: /^Related entities/ });
  await expect(related.getByRole("row").filter({ hasText: "203.0.113.7" })).toContainText("same IP");
  await expect(related.getByRole("row").filter({ hasText: "203.0.113.7" }).getByRole("cell").last()).toHaveText("2");
  await related.getByRole("link", { name: "203.0.113.7" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.id}/entities/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { name: "203.0.113.7" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Events/ }).getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("region", { name: /^Related entities/ }).getByRole("link", { name: "bob@example.test" })).toBeVisible();

  // The page shows what the database holds.
  const entityId = new URL(page.url()).pathname.split("/").pop();
  const stored = await (await request.get(`/api/incidents/${incident.id}/entities/${entityId}`)).json();
  expect(stored).toMatchObject({ kind: "ip", value: "203.0.113.7", eventCount: 3, firstSeenAt: "2023-05-15T03:12:44.123456Z" });
  expect(stored.related.map((r: { value: string; sharedCount: number }) => [r.value, r.sharedCount])).toEqual(
    expect.arrayContaining([
      ["alice@example.test", 2],
      ["bob@example.test", 1],
    ]),
  );
});
