import type { Metadata } from "next";
import Link from "next/link";
import { NewReplayForm } from "@/components/replay/new-replay-form";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { formatDateTime } from "@/lib/format/format-time";
import { listReplaySessions } from "@/lib/replay/get-replay";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Replay" };

/** Who may use it: whoever may read the chain; starting a replay takes evidence.edit (the facilitator). */
export default async function ReplayListPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, role } = await getIncidentPageContext(id, "chain.view");
  const sessions = await listReplaySessions(ctx, id);
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-muted">
        A tabletop replay steps through the incident's time: events appear as the clock reaches them, the chain and its confidence as they
        were known then, and prompts fall due at set times. Decisions are recorded at the replay time they were made.
      </p>
      {roleAllows(role, "evidence.edit") && <NewReplayForm incidentId={id} />}
      {sessions.length === 0 ? (
        <p className="rounded border border-dashed border-line p-6 text-sm text-muted">No replay sessions yet.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {sessions.map((s) => (
            <li key={s.id}>
              <Link href={`/incidents/${id}/replay/${s.id}`} className="font-medium text-accent hover:underline">
                {s.title}
              </Link>{" "}
              <span className="text-muted">
                clock at {formatDateTime(new Date(s.clock), "UTC")} · {s.decisions} decision{s.decisions === 1 ? "" : "s"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
