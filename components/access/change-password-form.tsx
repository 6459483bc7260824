"use client";

import { useState } from "react";
import { sendJson } from "@/components/ui/send-json";
import { Field } from "./field";

/** Change your own password; other sessions end. */
export function ChangePasswordForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        const err = await sendJson("/api/me/password", "POST", { current: f.get("current"), next: f.get("next") });
        setMessage(err ? { ok: false, text: err } : { ok: true, text: "Password changed. Your other sessions were signed out." });
        if (!err) form.reset();
      }}
    >
      <Field id="current" label="Current password" type="password" autoComplete="current-password" />
      <Field id="next" label="New password (at least 10 characters)" type="password" autoComplete="new-password" />
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-muted" : "text-danger"}`}>
          {message.text}
        </p>
      )}
      <button type="submit" className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
        Change password
      </button>
    </form>
  );
}
