"use client";

import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson } from "@/components/ui/send-json";
import { Field } from "./field";

/** Accept an invitation: signed in, one button; without an account, name and password for the invited address. */
export function AcceptInvitationForm({ token, email, isSignedIn }: { token: string; email: string; isSignedIn: boolean }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const body = isSignedIn ? { token } : { token, name: f.get("name"), password: f.get("password") };
        const r = await fetchJson<{ incidentId: string }>("/api/invitations/accept", "POST", body);
        if ("error" in r) setError(r.error);
        else window.location.assign(`/incidents/${r.data.incidentId}`);
      }}
    >
      {!isSignedIn && (
        <>
          <Field id="invited-email" label="Email" defaultValue={email} readOnly />
          <Field id="name" label="Your name" autoComplete="name" />
          <Field id="password" label="Choose a password (at least 10 characters)" type="password" autoComplete="new-password" />
        </>
      )}
      <ErrorLine error={error} />
      <button type="submit" className="w-full rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
        {isSignedIn ? "Accept the invitation" : "Create the account and accept"}
      </button>
    </form>
  );
}
