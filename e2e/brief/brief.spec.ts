import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "../fixtures/auth";
import { demoIncidentId } from "../fixtures/demo-incident";

test.use({ storageState: storageStateOf("executive") });

const pdfOf = (bytes: Buffer) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "chainline-brief-")), "brief.pdf");
  writeFileSync(file, bytes);
  return {
    text: execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }),
    info: execFileSync("pdfinfo", [file], { encoding: "utf8" }),
    file,
  };
};

test("[BRIEF] an executive lands on the brief, not the events; it prints on exactly one page at A4 and Letter; as of two dates it says what was believed then", async ({
  page,
  request,
}) => {
  const id = await demoIncidentId(request);
  await page.goto("/incidents");
  await page.getByRole("link", { name: /Storm-0558/ }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${id}/brief$`));
  const brief = page.getByRole("article", { name: "Executive brief" });
  await expect(brief.getByRole("region", { name: "What happened" })).toContainText(
    "The attack ran in 9 steps, from key material exposure on 2021-04-20 to response and remediation on 2023-07-04.",
  );
  await expect(brief.getByRole("list", { name: "The attack chain" }).getByRole("listitem")).toHaveCount(7);
  expect((await page.request.get(`/api/incidents/${id}/events?limit=1`)).status()).toBe(404);
  await page.screenshot({ path: "test-results/screenshots/brief.png", fullPage: true });

  for (const paper of ["a4", "letter"]) {
    const res = await request.get(`/api/incidents/${id}/brief/export?format=pdf&paper=${paper}`);
    expect(res.status()).toBe(200);
    const { text, info, file } = pdfOf(await res.body());
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toContain(paper === "a4" ? "(A4)" : "(letter)");
    expect(text).toContain("2021-04-20");
    expect(text).toContain("2023-07-04");
    expect(text.replace(/\s+/g, " ")).toMatch(/No records from .* between 2021-08-01 and 2023-07-\d\d \(retention\)/);
    if (paper === "a4") execFileSync("pdftoppm", ["-r", "80", "-png", "-singlefile", file, "test-results/screenshots/brief-pdf"]);
  }

  // The public record: "most probable" in September 2023, "not proven" by March 2024.
  const asOf = async (date: string) => {
    await page.goto(`/incidents/${id}/brief?asOf=${date}`);
    return ((await brief.getByRole("region", { name: "What we do not know" }).textContent()) ?? "").replace(/\s+/g, " ");
  };
  expect(await asOf("2023-10-01")).toContain("Key acquisition / exfiltration is inferred, not seen: likely (70/100, MSRC 2023-09-06)");
  await expect(page.getByRole("note")).toContainText("Belief has changed since 2023-10-01");
  expect(await asOf("2024-04-01")).toContain("Key acquisition / exfiltration is inferred, not seen: possible (35/100, MSRC 2024-03-12)");

  const png = await request.get(`/api/incidents/${id}/brief/export?format=png&asOf=2023-10-01`);
  expect(png.status()).toBe(200);
  expect((await png.body()).subarray(1, 4).toString("latin1")).toBe("PNG");
});

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("[BRIEF] an analyst sets the priority and impact on CISA's scales from a date; the brief before that date does not show them", async ({
    page,
    request,
  }) => {
    const id = await demoIncidentId(request);
    await page.goto(`/incidents/${id}/brief`);
    await page.getByText("Assess (priority, impact, wording, decisions)").click();
    const form = page.getByRole("form", { name: "Assess the brief" });
    await form.getByLabel("Priority (CISA)").selectOption("severe");
    await form.getByLabel("Information impact").selectOption("core_credentials");
    await form.getByLabel("In effect from (empty: now)").fill("2024-03-15");
    await form.getByLabel('Decisions needed, one a line ("question — owner")').fill("Rotate every signing key now? — CISO");
    await form.getByRole("button", { name: "Save assessment" }).click();
    await expect(page.getByText("Priority: Severe (CISA level 4)")).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Core credential compromise" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Decisions needed" })).toContainText("Rotate every signing key now? (CISO)");
    await page.goto(`/incidents/${id}/brief?asOf=2023-10-01`);
    await expect(page.getByText("Priority not assessed")).toBeVisible();
    // A date that is not one is said so, plainly.
    await page.goto(`/incidents/${id}/brief?asOf=2023-02-30`);
    await expect(page.getByRole("alert").filter({ hasText: "Cannot show the brief as of that date" })).toContainText(
      '"2023-02-30" is not a day of the calendar',
    );
  });
});
