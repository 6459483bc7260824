"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/ui/send-json";

export type AccountRow = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  isDisabled: boolean;
  signIn: string[];
  isSelf: boolean;
};

/** The instance admin's controls: accounts (create, reset a password, disable), and how SSO makes accounts. */
export function AdminPanel({ accounts, ssoSignup, hasSso }: { accounts: AccountRow[]; ssoSignup: string; hasSso: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const done = (err: string | null, ok: string) => {
    setMessage(err ? { ok: false, text: err } : { ok: true, text: ok });
    if (!err) router.refresh();
  };
  return (
    <div className="space-y-5">
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-muted" : "text-danger"}`}>
          {message.text}
        </p>
      )}
      <table className="w-full rounded border border-line bg-panel text-sm">
        <thead className="border-b border-line text-left text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">Name</th>
            <th className="px-3 py-2 font-medium">Email</th>
            <th className="px-3 py-2 font-medium">Signs in with</th>
            <th className="px-3 py-2 font-medium">State</th>
            <th className="px-3 py-2 font-medium">Actions</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-b border-line last:border-0">
              <td className="px-3 py-2">
                {a.name}
                {a.isAdmin ? " · admin" : ""}
                {a.isSelf ? " (you)" : ""}
              </td>
              <td className="px-3 py-2">{a.email}</td>
              <td className="px-3 py-2">{a.signIn.join(", ") || "—"}</td>
              <td className="px-3 py-2">{a.isDisabled ? "disabled" : "active"}</td>
              <td className="space-x-3 px-3 py-2">
                <button
                  type="button"
                  className="text-accent underline"
                  onClick={async () => {
                    const password = window.prompt(`New password for ${a.email} (at least 10 characters)`);
                    if (password)
                      done(
                        await sendJson(`/api/admin/users/${a.id}`, "PATCH", { password }),
                        `Password reset for ${a.email}; their sessions ended.`,
                      );
                  }}
                >
                  Reset password
                </button>
                {!a.isSelf && (
                  <button
                    type="button"
                    className="text-danger underline"
                    onClick={async () =>
                      done(
                        await sendJson(`/api/admin/users/${a.id}`, "PATCH", { disabled: !a.isDisabled }),
                        `${a.email} ${a.isDisabled ? "enabled" : "disabled"}.`,
                      )
                    }
                  >
                    {a.isDisabled ? "Enable" : "Disable"}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="flex flex-wrap items-end gap-2 rounded border border-line bg-panel p-3"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const f = new FormData(form);
          const err = await sendJson("/api/admin/users", "POST", {
            email: f.get("new-email"),
            name: f.get("new-name"),
            password: f.get("new-password"),
            isAdmin: f.get("new-admin") === "on",
          });
          if (!err) form.reset();
          done(err, "Account created.");
        }}
      >
        <h2 className="w-full font-semibold">New account</h2>
        <input
          name="new-name"
          aria-label="Name"
          placeholder="Name"
          required
          className="rounded border border-line bg-bg px-2 py-1 text-sm"
        />
        <input
          name="new-email"
          aria-label="Email"
          type="email"
          placeholder="Email"
          required
          className="rounded border border-line bg-bg px-2 py-1 text-sm"
        />
        <input
          name="new-password"
          aria-label="Password"
          type="password"
          placeholder="Password"
          required
          minLength={10}
          className="rounded border border-line bg-bg px-2 py-1 text-sm"
        />
        <label className="text-sm">
          <input name="new-admin" type="checkbox" className="mr-1" />
          admin
        </label>
        <button type="submit" className="rounded bg-accent px-3 py-1 text-sm font-medium text-accent-ink">
          Create account
        </button>
      </form>
      <section className="rounded border border-line bg-panel p-3 text-sm">
        <h2 className="mb-1 font-semibold">Single sign-on</h2>
        {hasSso ? (
          <label>
            Accounts are created{" "}
            <select
              aria-label="How single sign-on creates accounts"
              value={ssoSignup}
              onChange={async (e) => done(await sendJson("/api/admin/settings", "PATCH", { ssoSignup: e.target.value }), "Setting saved.")}
              className="rounded border border-line bg-bg px-2 py-1 text-sm"
            >
              <option value="invite">only for invited addresses</option>
              <option value="open">on first sign-in</option>
            </select>
          </label>
        ) : (
          <p className="text-muted">
            Not configured. Set CHAINLINE_OIDC_ISSUER, CHAINLINE_OIDC_CLIENT_ID and CHAINLINE_OIDC_CLIENT_SECRET (see the README).
          </p>
        )}
      </section>
    </div>
  );
}
