"use client";

import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { sendJson } from "@/components/ui/send-json";
import { Field } from "./field";

/** The first run: the instance admin's account, then straight in. */
export function SetupForm() {
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const err = await sendJson("/api/setup", "POST", { name: f.get("name"), email: f.get("email"), password: f.get("password") });
        if (err) setError(err);
        else window.location.assign("/incidents");
      }}
    >
      <Field id="name" label="Your name" autoComplete="name" />
      <Field id="email" label="Email" type="email" autoComplete="username" />
      <Field id="password" label="Password (at least 10 characters)" type="password" autoComplete="new-password" />
      <ErrorLine error={error} />
      <button type="submit" className="w-full rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
        Create the admin account
      </button>
    </form>
  );
}
