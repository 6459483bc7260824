import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, storageStateOf } from "../fixtures/auth";
import { demoIncidentId } from "../fixtures/demo-incident";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("[ACCESS] an analyst signs in with a password, lands where they were going, and signs out", async ({ page }) => {
    await page.goto("/incidents");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fincidents$/);
    await page.getByLabel("Email").fill(ACCOUNTS.analyst);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("wrong email or password");

    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/incidents$/);
    await expect(page.getByRole("link", { name: "Ann Analyst" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Storm-0558/ })).toBeVisible();
    const cookie = (await page.context().cookies()).find((c) => c.name === "chainline.session_token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/incidents");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });

  test("[ACCESS] 20 wrong passwords in a row: 429, and the right password is refused until the window passes", async ({
    request,
    playwright,
    baseURL,
  }) => {
    // An account of its own (made by the admin), so that locking it out locks no other test out.
    const admin = await playwright.request.newContext({ baseURL, storageState: storageStateOf("admin") });
    const email = `lockout-${Date.now()}@chainline.test`;
    const made = await admin.post("/api/admin/users", { data: { email, name: "Lou Lockout", password: DEMO_PASSWORD } });
    expect(made.status()).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await request.post("/api/session", { data: { email, password: `wrong ${i}` } })).status());
    expect(statuses.slice(0, 19).every((s) => s === 401)).toBe(true);
    expect(statuses[19]).toBe(429);
    const right = await request.post("/api/session", { data: { email, password: DEMO_PASSWORD } });
    expect(right.status()).toBe(429);
    expect(Number(right.headers()["retry-after"])).toBeGreaterThan(800);
  });
});

test.describe("as the executive", () => {
  test.use({ storageState: storageStateOf("executive") });

  test("[ACCESS] an executive sees the overview, the chain and published stories, and an event URL is a 404", async ({ page, request }) => {
    const id = await demoIncidentId(request);
    await page.goto(`/incidents/${id}`);
    await expect(page.getByRole("navigation", { name: "Incident views" }).getByRole("link")).toHaveText([
      "Overview",
      "Brief",
      "Chain",
      "Story",
      "Replay",
    ]);
    // The chain, but no evidence behind it: no event ids, no rule details, no source names.
    const chain = (await (await request.get(`/api/incidents/${id}/chain`)).json()) as {
      steps: { keyEventIds: string[]; detail: object }[];
    };
    expect(chain.steps.length).toBeGreaterThan(0);
    expect(chain.steps.flatMap((s) => s.keyEventIds)).toEqual([]);
    expect(chain.steps.map((s) => s.detail)).toEqual(chain.steps.map(() => ({})));
    const gaps = (await (await request.get(`/api/incidents/${id}/gaps`)).json()) as { gaps: { sourceName: string | null }[] };
    expect(gaps.gaps.length).toBeGreaterThan(0);
    expect(gaps.gaps.every((g) => g.sourceName === null)).toBe(true);
    await page.goto(`/incidents/${id}/chain`);
    await expect(page.getByRole("button", { name: "Record assessment" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Events on the timeline" })).toHaveCount(0);
    const analyst = await (await request.get(`/api/incidents/${id}/events?limit=1`)).json();
    expect(analyst.error).toBeTruthy();
    const res = await page.goto(`/incidents/${id}/events`);
    expect(res?.status()).toBe(404);
    expect((await request.get(`/api/incidents/${id}/events/1`)).status()).toBe(404);
    expect((await request.get(`/api/incidents/${id}/entities`)).status()).toBe(404);
    expect((await request.get(`/api/incidents/${id}/sources`)).status()).toBe(404);
  });
});

test.describe("as the admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("[ACCESS] every page loads under the Content-Security-Policy with no violation", async ({ page, request }) => {
    // Every page of the app, one after another.
    test.setTimeout(120_000);
    const id = await demoIncidentId(request);
    const sourceId = (await (await request.get(`/api/incidents/${id}/sources`)).json()).sources[0].id;
    const entityId = (await (await request.get(`/api/incidents/${id}/entities`)).json()).entities[0].id;
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    const pages = [
      "/incidents",
      "/formats",
      "/account",
      "/admin",
      `/incidents/${id}`,
      `/incidents/${id}/timeline`,
      `/incidents/${id}/chain`,
    ];
    pages.push(`/incidents/${id}/events`, `/incidents/${id}/entities`, `/incidents/${id}/entities/${entityId}`, `/incidents/${id}/sources`);
    pages.push(`/incidents/${id}/sources/${sourceId}`, `/incidents/${id}/import`, `/incidents/${id}/members`, `/incidents/${id}/audit`);
    for (const path of pages) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      expect(res?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      await page.waitForLoadState("networkidle");
    }
    // Hydration worked under the policy: a client control responds.
    await page.goto(`/incidents/${id}/members`);
    await expect(page.getByRole("button", { name: "Add member" })).toBeEnabled();
    expect(violations).toEqual([]);
  });
});
