"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson, sendJson } from "@/components/ui/send-json";
import { ShownOnce } from "@/components/ui/shown-once";

/** Roles an owner can give, with what each may do (shown beside the picker). */
const ROLES = [
  ["owner", "members; everything an analyst does"],
  ["analyst", "import, tag, edit the chain, write"],
  ["viewer", "read everything"],
  ["executive", "overview and chain only: no raw events, entities or sources"],
] as const;

export type MemberRow = { id: string; name: string; email: string; role: string; isSelf: boolean };
export type InvitationRow = { id: string; email: string; role: string; expiresAt: string; isExpired: boolean; invitedBy: string };

/** The incident's members: add by email (an invitation link for someone without an account), change roles, remove. */
export function MembersPanel({
  incidentId,
  members,
  invitations,
}: {
  incidentId: string;
  members: MemberRow[];
  invitations: InvitationRow[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const base = `/api/incidents/${incidentId}`;
  const done = (err: string | null) => {
    setError(err);
    if (err) setLink(null);
    else router.refresh();
  };
  const owners = members.filter((m) => m.role === "owner").length;
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-2 rounded border border-line bg-panel p-3"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const f = new FormData(form);
          const r = await fetchJson<{ kind: string; token?: string }>(`${base}/members`, "POST", {
            email: f.get("member-email"),
            role: f.get("member-role"),
          });
          if ("error" in r) return setError(r.error);
          setLink(r.data.token ? `${window.location.origin}/invite/${r.data.token}` : null);
          form.reset();
          done(null);
        }}
      >
        <label className="text-sm">
          Email
          <input
            name="member-email"
            aria-label="New member's email"
            type="email"
            required
            className="ml-1 w-64 rounded border border-line bg-bg px-2 py-1 text-sm"
          />
        </label>
        <label className="text-sm">
          Role
          <select
            name="member-role"
            aria-label="New member's role"
            defaultValue="analyst"
            className="ml-1 rounded border border-line bg-bg px-2 py-1 text-sm"
          >
            {ROLES.map(([r]) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-accent px-3 py-1 text-sm font-medium text-accent-ink">
          Add member
        </button>
      </form>
      <ErrorLine error={error} />
      {link && (
        <ShownOnce
          title="No account has that address: send them this one-time link (valid 7 days, shown once)."
          value={link}
          testId="invitation-link"
        />
      )}
      <table className="w-full rounded border border-line bg-panel text-sm">
        <thead className="border-b border-line text-left text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">Name</th>
            <th className="px-3 py-2 font-medium">Email</th>
            <th className="px-3 py-2 font-medium">Role</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} className="border-b border-line last:border-0">
              <td className="px-3 py-2">
                {m.name}
                {m.isSelf ? " (you)" : ""}
              </td>
              <td className="px-3 py-2">{m.email}</td>
              <td className="px-3 py-2">
                <select
                  aria-label={`Role of ${m.email}`}
                  value={m.role}
                  onChange={async (e) => done(await sendJson(`${base}/members/${m.id}`, "PATCH", { role: e.target.value }))}
                  className="rounded border border-line bg-bg px-2 py-1 text-sm"
                >
                  {ROLES.map(([r]) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td className="px-3 py-2 text-right">
                {/* The last owner cannot be removed (the server refuses too): no button to press. */}
                {(m.role !== "owner" || owners > 1) && (
                  <button
                    type="button"
                    className="text-sm text-danger underline"
                    onClick={async () => done(await sendJson(`${base}/members/${m.id}`, "DELETE"))}
                  >
                    Remove {m.email}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {invitations.length > 0 && (
        <section aria-labelledby="invitations-heading">
          <h3 id="invitations-heading" className="mb-1 font-semibold">
            Pending invitations
          </h3>
          <ul className="space-y-1 text-sm">
            {invitations.map((i) => (
              <li key={i.id}>
                {i.email} as {i.role}, by {i.invitedBy}, {i.isExpired ? "expired" : `until ${i.expiresAt.slice(0, 10)}`}{" "}
                <button
                  type="button"
                  className="text-danger underline"
                  onClick={async () => done(await sendJson(`${base}/invitations/${i.id}`, "DELETE"))}
                >
                  Withdraw
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm text-muted">
        {ROLES.map(([r, what]) => (
          <div key={r} className="contents">
            <dt className="font-medium text-ink">{r}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
