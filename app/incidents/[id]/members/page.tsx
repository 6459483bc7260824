import type { Metadata } from "next";
import { MembersPanel } from "@/components/access/members-panel";
import { listMembers } from "@/lib/access/members/list-members";
import { getIncidentPageContext } from "@/lib/access/request-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members" };

// The incident's owners: who is a member, in which role, and who is invited.
export default async function MembersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx } = await getIncidentPageContext(id, "members.manage");
  const { members, invitations } = await listMembers(ctx, id);
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-semibold">Members</h2>
      <MembersPanel
        incidentId={id}
        members={members
          .filter((m) => !m.isLocal)
          .map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, isSelf: m.id === ctx.actor.userId }))}
        invitations={invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
      />
    </div>
  );
}
