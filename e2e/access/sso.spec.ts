import { expect, test } from "@playwright/test";
import { storageStateOf } from "../fixtures/auth";

// Sign-in through a real OpenID provider (oidc-provider), which playwright.config.ts runs on loopback
// (e2e/fixtures/run-oidc-provider.ts) and the app is configured for.

/** Goes through the provider's own sign-in and consent pages as `login`. */
async function signInAtProvider(page: import("@playwright/test").Page, login: string) {
  // A fresh browser each time: the provider would otherwise remember the last person who signed in there.
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Loopback IdP" }).click();
  await page.waitForURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any");
  await page.locator('button[type="submit"]').click();
  // The provider asks once for consent to share email and profile.
  const consent = page.locator('button[type="submit"]');
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

test.describe("single sign-on", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("[SSO] invitation-only: a stranger is refused; once invited, the same person signs in and lands in the incident", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const login = `inv${Date.now()}`;
    await signInAtProvider(page, login);
    await expect(page).toHaveURL(/\/sign-in\?error=/);
    await expect(page.getByText(/invitation only/)).toBeVisible();

    const owner = await playwright.request.newContext({ baseURL, storageState: storageStateOf("admin") });
    const list = (await (await owner.get("/api/incidents")).json()) as { incidents: { id: string; title: string }[] };
    const incident = list.incidents.find((i) => /Storm-0558/.test(i.title));
    const invited = await owner.post(`/api/incidents/${incident?.id}/members`, {
      data: { email: `${login}@sso.chainline.test`, role: "viewer" },
    });
    expect((await invited.json()).kind).toBe("invitation");
    const token = (await invited.json()).token as string;

    await signInAtProvider(page, login);
    await expect(page).toHaveURL(/\/incidents$/);
    await expect(page.getByRole("link", { name: `SSO ${login}` })).toBeVisible();
    // The invitation link, followed while signed in through SSO, makes them a member.
    await page.goto(`/invite/${token}`);
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await expect(page).toHaveURL(new RegExp(`/incidents/${incident?.id}$`));
    await expect(page.getByText("you are a viewer", { exact: false })).toBeVisible();
  });

  test("[SSO] with sign-up open, a new person's first sign-in creates their account", async ({ page, playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL, storageState: storageStateOf("admin") });
    expect((await admin.patch("/api/admin/settings", { data: { ssoSignup: "open" } })).status()).toBe(200);
    try {
      const login = `open${Date.now()}`;
      await signInAtProvider(page, login);
      await expect(page).toHaveURL(/\/incidents$/);
      const me = await (await page.request.get("/api/me")).json();
      expect(me).toMatchObject({ email: `${login}@sso.chainline.test`, name: `SSO ${login}`, via: "session" });
      const users = (await (await admin.get("/api/admin/users")).json()).users as { email: string; signIn: string[] }[];
      expect(users.find((u) => u.email === me.email)?.signIn).toEqual(["oidc"]);
    } finally {
      await admin.patch("/api/admin/settings", { data: { ssoSignup: "invite" } });
    }
  });
});
