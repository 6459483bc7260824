import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";

const LINES = [
  '{"time":"2023-05-15 03:12:44.123456","message":"<img src=x onerror=alert(1)>","user":"alice@example.test","src_ip":"203.0.113.7"}',
  '{"time":"2023-05-15 03:12:45","message":"broken"',
  '{"time":"2023-05-15 03:12:46","message":"Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU","user":"bob@example.test"}',
  // Broken, and holding a password: rejected, and redacted in the preview and the rejected lines alike.
  '{"time":"2023-05-15 03:12:47","message":"fetch https://svc:E2eLeakPw9@files.example.test/"',
];

test("[IMPORT] upload a file, check the preview, import it, and see every line accounted for", async ({ page, request }) => {
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  const incident = await (await request.post("/api/incidents", { data: { title: `Import ${Date.now()}` } })).json();
  const content = Buffer.from(`${LINES.join("\n")}\n`);
  const sha256 = createHash("sha256").update(content).digest("hex");

  await page.goto(`/incidents/${incident.id}/sources`);
  await page.getByRole("link", { name: "Import logs" }).click();
  // The import page belongs to the Sources tab.
  await expect(page.getByRole("navigation", { name: "Incident views" }).getByRole("link", { name: "Sources" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await page.getByLabel("Log file").setInputFiles({ name: "mail-audit.jsonl", mimeType: "application/json", buffer: content });

  await expect(page.getByRole("heading", { name: "mail-audit.jsonl — read as jsonl" })).toBeVisible();
  const preview = page.getByRole("table", { name: "Preview of the first rows" });
  await expect(preview).toContainText("2023-05-15T03:12:44.123456Z");
  await expect(preview).toContainText("(read as UTC)");
  await expect(preview).toContainText("rejected: invalid JSON");
  // Rows are previewed as they would be stored: the bearer token's signature is already gone.
  await expect(preview).toContainText("[REDACTED:jwt-signature]");
  await expect(preview).not.toContainText("c2lnbmF0dXJl");

  // Changing the zone changes the preview before anything is imported.
  await page.getByLabel("Time zone").fill("America/New_York");
  await expect(preview).toContainText("2023-05-15T07:12:44.123456Z");

  await page.getByRole("button", { name: "Import mail-audit.jsonl" }).click();
  await expect(page.getByText("Import complete.")).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Read 4 · imported 2 · duplicate 0 · rejected 2 · secrets redacted 1");

  await page.getByRole("link", { name: "See the rejected lines" }).click();
  await expect(page.getByRole("heading", { name: "mail-audit.jsonl" })).toBeVisible();
  await expect(page.getByText(sha256)).toBeVisible();
  const issues = page.getByRole("row").filter({ hasText: "invalid JSON" });
  await expect(issues.first()).toContainText("2");
  await expect(issues.first()).toContainText('{"time":"2023-05-15 03:12:45","message":"broken"');
  await expect(issues.nth(1)).toContainText("https://svc:[REDACTED:");
  await expect(page.getByText(/E2eLeakPw9/)).toHaveCount(0);

  // Hostile log text stays text.
  expect(dialogs).toBe(0);

  const sources = (await (await request.get(`/api/incidents/${incident.id}/sources`)).json()).sources;
  expect(sources).toHaveLength(1);
  expect(sources[0]).toMatchObject({
    name: "mail-audit.jsonl",
    sha256,
    status: "complete",
    readCount: 4,
    importedCount: 2,
    rejectedCount: 2,
    redactedCount: 1,
  });
  if (process.env.E2E_DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    const { rows } = await client.query(
      "SELECT message, to_char(occurred_at AT TIME ZONE 'UTC', 'HH24:MI:SS.US') AS t FROM events WHERE source_id = $1 ORDER BY line_number",
      [sources[0].id],
    );
    await client.end();
    expect(rows[0]).toEqual({ message: "<img src=x onerror=alert(1)>", t: "07:12:44.123456" });
    expect(rows[1].message).not.toContain("c2lnbmF0dXJl");
  }
});

test("[IMPORT] a binary file is refused with the file name and the reason", async ({ page, request }) => {
  const incident = await (await request.post("/api/incidents", { data: { title: `Refuse ${Date.now()}` } })).json();
  await page.goto(`/incidents/${incident.id}/import`);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await page.getByLabel("Log file").setInputFiles({ name: "screenshot.log", mimeType: "application/octet-stream", buffer: png });
  await expect(page.getByRole("alert").filter({ hasText: "screenshot.log" })).toHaveText("screenshot.log: a PNG image, not a log");
});
