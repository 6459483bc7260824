import { test as setup } from "@playwright/test";
import { ACCOUNTS, type AccountKey, signIn, storageStateOf } from "./fixtures/auth";

// Signs each demo account in once and keeps its cookies, so every spec starts signed in as the role it exercises.
for (const who of Object.keys(ACCOUNTS) as AccountKey[]) {
  setup(`sign in as ${who}`, async ({ request }) => {
    await signIn(request, ACCOUNTS[who]);
    await request.storageState({ path: storageStateOf(who) });
  });
}
