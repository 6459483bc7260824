import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/access/sign-in-form";
import { needsFirstAdmin } from "@/lib/access/accounts/setup-first-admin";
import { currentActor } from "@/lib/access/current-user";
import { oidcConfigFromEnv } from "@/lib/access/oidc-config";
import { safeNext } from "@/lib/access/safe-next";
import { getDb } from "@/lib/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD_DEFAULT } from "@/lib/demo/demo-accounts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

const SSO_ERRORS: Record<string, string> = {
  invitation_required: "This instance creates accounts by invitation only: ask an incident owner to invite your address.",
  sso: "Single sign-on did not complete. Try again, or sign in with a password.",
};

// Anyone may open this page. With no accounts yet, the first visit goes to /setup instead.
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const { next, error } = await searchParams;
  if (await needsFirstAdmin(await getDb())) redirect("/setup");
  if (await currentActor()) redirect(safeNext(next));
  const sso = oidcConfigFromEnv();
  return (
    <div className="mx-auto mt-12 max-w-sm rounded border border-line bg-panel p-6">
      <h1 className="mb-4 text-xl font-semibold">Sign in to Chainline</h1>
      {error && (
        <p role="alert" className="mb-3 text-sm text-danger">
          {SSO_ERRORS[error] ?? SSO_ERRORS.sso}
        </p>
      )}
      <SignInForm
        next={next}
        ssoName={sso?.name ?? null}
        // npm run demo sets CHAINLINE_DEMO: the demo's accounts are offered with one click.
        demo={
          process.env.CHAINLINE_DEMO === "1"
            ? {
                accounts: DEMO_ACCOUNTS.map((a) => ({ email: a.email, note: a.note })),
                password: process.env.DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT,
              }
            : undefined
        }
      />
    </div>
  );
}
