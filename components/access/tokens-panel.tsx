"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson, sendJson } from "@/components/ui/send-json";
import { ShownOnce } from "@/components/ui/shown-once";

/** A token as the Account page lists it (never the secret). */
export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  state: string;
  expiresAt: string;
  lastUsedAt: string | null;
};

/** Personal access tokens: make one (its secret is shown once), see them, revoke them. */
export function TokensPanel({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const r = await fetchJson<{ token: string }>("/api/tokens", "POST", {
            name: f.get("token-name"),
            scope: f.get("scope"),
            expiresInDays: f.get("days"),
          });
          if ("error" in r) return setError(r.error);
          setError(null);
          setCreated(r.data.token);
          router.refresh();
        }}
      >
        <label className="text-sm">
          Name
          <input
            name="token-name"
            required
            maxLength={100}
            className="ml-1 rounded border border-line bg-bg px-2 py-1 text-sm"
            placeholder="laptop CLI"
          />
        </label>
        <label className="text-sm">
          Scope
          <select name="scope" defaultValue="read" className="ml-1 rounded border border-line bg-bg px-2 py-1 text-sm">
            <option value="read">read</option>
            <option value="write">write</option>
          </select>
        </label>
        <label className="text-sm">
          Days
          <input
            name="days"
            type="number"
            min={1}
            max={365}
            defaultValue={30}
            className="ml-1 w-20 rounded border border-line bg-bg px-2 py-1 text-sm"
          />
        </label>
        <button type="submit" className="rounded bg-accent px-3 py-1 text-sm font-medium text-accent-ink">
          Create token
        </button>
      </form>
      <ErrorLine error={error} />
      {created && <ShownOnce title="Copy this token now: it is not shown again." value={created} testId="new-token" />}
      {tokens.length === 0 ? (
        <p className="text-sm text-muted">No tokens yet.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-muted">
            <tr>
              <th className="py-1 font-medium">Name</th>
              <th className="py-1 font-medium">Token</th>
              <th className="py-1 font-medium">Scope</th>
              <th className="py-1 font-medium">State</th>
              <th className="py-1 font-medium">Expires</th>
              <th className="py-1 font-medium">Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-t border-line">
                <td className="py-1">{t.name}</td>
                <td className="mono py-1 text-xs">{t.prefix}…</td>
                <td className="py-1">{t.scope}</td>
                <td className="py-1">{t.state}</td>
                <td className="mono py-1 text-xs">{t.expiresAt.slice(0, 10)}</td>
                <td className="mono py-1 text-xs">{t.lastUsedAt ? t.lastUsedAt.slice(0, 16).replace("T", " ") : "never"}</td>
                <td className="py-1 text-right">
                  {t.state === "active" && (
                    <button
                      type="button"
                      className="text-sm text-danger underline"
                      onClick={async () => {
                        const err = await sendJson(`/api/tokens/${t.id}`, "DELETE");
                        if (err) setError(err);
                        else router.refresh();
                      }}
                    >
                      Revoke {t.name}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
