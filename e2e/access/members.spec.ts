import { expect, test } from "@playwright/test";
import { storageStateOf } from "../fixtures/auth";
import { demoIncidentId } from "../fixtures/demo-incident";

test.describe("as the incident's owner", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("[MEMBERS] an owner invites someone without an account, changes a role, and the audit shows names and the change", async ({
    page,
    request,
  }) => {
    const id = await demoIncidentId(request);
    await page.goto(`/incidents/${id}/members`);
    await expect(page.getByRole("cell", { name: "viewer@chainline.test", exact: true })).toBeVisible();

    const email = `new-${Date.now()}@example.test`;
    await page.getByLabel("New member's email").fill(email);
    await page.getByLabel("New member's role").selectOption("executive");
    await page.getByRole("button", { name: "Add member" }).click();
    const link = await page.getByTestId("invitation-link").textContent();
    expect(link).toMatch(/\/invite\/clinv_[\w-]+$/);
    await expect(page.getByText(`${email} as executive`)).toBeVisible();

    await page.getByLabel("Role of viewer@chainline.test").selectOption("analyst");
    await expect(page.getByLabel("Role of viewer@chainline.test")).toHaveValue("analyst");
    await page.getByLabel("Role of viewer@chainline.test").selectOption("viewer");
    await expect(page.getByLabel("Role of viewer@chainline.test")).toHaveValue("viewer");

    await page.goto(`/incidents/${id}/audit?action=member.role`);
    const row = page.getByRole("row").filter({ hasText: "member.role" }).first();
    await expect(row).toContainText("Ada Admin");
    await expect(row).toContainText("Vic Viewer <viewer@chainline.test>");
    await expect(row.getByRole("deletion")).toHaveText("analyst");
    await expect(row.getByRole("insertion")).toHaveText("viewer");

    // The invited person follows the link in a browser of their own and joins.
    const browser = page.context().browser();
    const fresh = await browser?.newContext({ baseURL: new URL(page.url()).origin, storageState: { cookies: [], origins: [] } });
    const invitee = await fresh?.newPage();
    if (!invitee || !link) throw new Error("no browser for the invitee");
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { name: /Join “Storm-0558/ })).toBeVisible();
    await invitee.getByLabel("Your name").fill("New Person");
    await invitee.getByLabel("Choose a password (at least 10 characters)").fill("a long enough password");
    await invitee.getByRole("button", { name: "Create the account and accept" }).click();
    await expect(invitee).toHaveURL(new RegExp(`/incidents/${id}$`));
    await expect(invitee.getByText("you are an executive", { exact: false })).toBeVisible();
    await fresh?.close();
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("[MEMBERS] a viewer has no Members tab, and its page is a 404", async ({ page, request }) => {
    const id = await demoIncidentId(request);
    await page.goto(`/incidents/${id}`);
    await expect(page.getByRole("navigation", { name: "Incident views" }).getByRole("link", { name: "Members" })).toHaveCount(0);
    expect((await page.goto(`/incidents/${id}/members`))?.status()).toBe(404);
  });
});
