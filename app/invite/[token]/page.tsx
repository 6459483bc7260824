import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/access/accept-invitation-form";
import { currentActor } from "@/lib/access/current-user";
import { findInvitation } from "@/lib/access/invitations/accept-invitation";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation" };

// Anyone with the link: the link is the secret (one-time, expiring). It names the incident only to its holder.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [inv, actor] = await Promise.all([findInvitation(await getDb(), token), currentActor()]);
  if (!inv) {
    return (
      <div className="mx-auto mt-12 max-w-sm rounded border border-line bg-panel p-6">
        <h1 className="text-xl font-semibold">This invitation cannot be used</h1>
        <p className="mt-2 text-sm text-muted">
          It is unknown, already used, withdrawn or expired. Ask the incident's owner for a new one.
        </p>
      </div>
    );
  }
  const mustSignIn = !actor && inv.hasAccount;
  return (
    <div className="mx-auto mt-12 max-w-sm rounded border border-line bg-panel p-6">
      <h1 className="text-xl font-semibold">Join “{inv.incident.title}”</h1>
      <p className="mb-4 mt-1 text-sm text-muted">
        {inv.invitedBy.name} invited {inv.email} as {inv.role}.
      </p>
      {mustSignIn ? (
        <p className="text-sm">
          {inv.email} has an account:{" "}
          <Link className="text-accent underline" href={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`}>
            sign in
          </Link>{" "}
          to accept.
        </p>
      ) : (
        <AcceptInvitationForm token={token} email={inv.email} isSignedIn={Boolean(actor)} />
      )}
    </div>
  );
}
