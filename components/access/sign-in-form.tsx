"use client";

import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { safeNext } from "@/lib/access/safe-next";
import { Field } from "./field";

/** A demo account the sign-in page offers with one click (only when the server runs the demo). */
export type DemoAccount = { email: string; note: string };

/** Email and password, and single sign-on when the server has a provider. */
export function SignInForm({
  next,
  ssoName,
  demo,
}: {
  next?: string;
  ssoName: string | null;
  demo?: { accounts: DemoAccount[]; password: string };
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = safeNext(next);
  const signIn = async (email: FormDataEntryValue | null, password: FormDataEntryValue | null) => {
    setBusy(true);
    const res = await fetch("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    setBusy(false);
    if (res.ok) {
      window.location.assign(target);
      return;
    }
    const j = (await res.json().catch(() => ({}))) as { error?: string; retryAfter?: number };
    setError(
      res.status === 429
        ? `Too many wrong passwords. Try again in ${Math.ceil((j.retryAfter ?? 900) / 60)} minutes.`
        : (j.error ?? `Sign-in failed (${res.status})`),
    );
  };
  return (
    <div className="space-y-4">
      <form
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          await signIn(form.get("email"), form.get("password"));
        }}
      >
        <Field id="email" label="Email" type="email" autoComplete="username" />
        <Field id="password" label="Password" type="password" autoComplete="current-password" />
        <ErrorLine error={error} />
        <button
          type="submit"
          disabled={busy}
          className="w-full rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
        >
          Sign in
        </button>
      </form>
      {ssoName && (
        <button
          type="button"
          className="w-full rounded border border-line px-3 py-1.5 text-sm"
          onClick={async () => {
            const res = await fetch("/api/auth/sign-in/social", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ provider: "oidc", callbackURL: target, errorCallbackURL: "/sign-in" }),
            });
            const j = (await res.json().catch(() => ({}))) as { url?: string; message?: string };
            if (j.url) window.location.assign(j.url);
            else setError(j.message ?? "Single sign-on is not available right now");
          }}
        >
          Sign in with {ssoName}
        </button>
      )}
      {demo && (
        <section aria-labelledby="demo-heading" className="border-t border-line pt-3">
          <h2 id="demo-heading" className="text-sm font-semibold">
            Demo accounts
          </h2>
          <ul className="mt-1 space-y-1 text-sm">
            {demo.accounts.map((a) => (
              <li key={a.email}>
                <button type="button" disabled={busy} className="text-accent underline" onClick={() => signIn(a.email, demo.password)}>
                  {a.email}
                </button>{" "}
                <span className="text-muted">{a.note}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
