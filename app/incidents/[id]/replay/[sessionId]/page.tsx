import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfidenceBadge } from "@/components/chain/confidence-badge";
import { stepWhen } from "@/components/chain/step-when";
import { DecisionForm } from "@/components/replay/decision-form";
import { ReplayControls } from "@/components/replay/replay-controls";
import { roleAllows } from "@/lib/access/permissions";
import { getIncidentPageContext } from "@/lib/access/request-context";
import { NotFoundError } from "@/lib/errors/not-found";
import { formatDateTime } from "@/lib/format/format-time";
import { getReplay } from "@/lib/replay/get-replay";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Replay" };

const H2 = "mb-2 font-semibold";

/** Who may use it: whoever may read the chain (events shown to those who may read evidence); the clock and decisions take evidence.edit. */
export default async function ReplayPage({ params }: { params: Promise<{ id: string; sessionId: string }> }) {
  const { id, sessionId } = await params;
  const { ctx, role } = await getIncidentPageContext(id, "chain.view");
  const r = await getReplay(ctx, id, sessionId).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const drives = roleAllows(role, "evidence.edit");
  const steps = r.chain?.steps ?? [];
  return (
    <div className="space-y-5">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/incidents/${id}/replay`} className="text-muted hover:underline">
            Replay
          </Link>{" "}
          · {r.title}
        </p>
        <p className="text-2xl font-semibold tabular-nums" data-testid="replay-clock">
          <span className="sr-only">Replay clock: </span>
          {formatDateTime(new Date(r.clock), "UTC")}
        </p>
        <p className="text-sm text-muted">
          {r.eventsSoFar.toLocaleString("en-US")} events so far · the logs run{" "}
          {r.firstEventAt ? formatDateTime(new Date(r.firstEventAt), "UTC") : "—"} to{" "}
          {r.lastEventAt ? formatDateTime(new Date(r.lastEventAt), "UTC") : "—"}
          {r.nextInjectAt ? ` · next prompt at ${formatDateTime(new Date(r.nextInjectAt), "UTC")}` : " · no prompts left"}
        </p>
      </header>
      {drives && <ReplayControls incidentId={id} sessionId={sessionId} clock={r.clock} />}
      <div className="grid gap-5 lg:grid-cols-2">
        <section aria-labelledby="replay-chain" className="rounded border border-line bg-panel p-4">
          <h2 id="replay-chain" className={H2}>
            The chain as known at the clock
          </h2>
          {steps.length === 0 ? (
            <p className="text-sm text-muted">Nothing observed yet.</p>
          ) : (
            <ol className="space-y-2">
              {steps.map((s) => (
                <li
                  key={s.id}
                  aria-label={s.stageName}
                  className={`rounded p-2 text-sm ${s.inferred ? "border-2 border-dashed border-amber-500" : "border border-line"}`}
                >
                  <p className="font-medium">
                    {s.stageName}
                    {s.inferred && <span className="ml-2 text-xs text-muted">inferred</span>}
                  </p>
                  {s.title !== s.stageName && <p>{s.title}</p>}
                  <p className="text-xs text-muted">
                    {stepWhen(s, "UTC")}
                    {!s.inferred && s.endAt === r.clock && " (still going)"}
                  </p>
                  <ConfidenceBadge confidence={s.confidence} />
                </li>
              ))}
            </ol>
          )}
          {(r.chain?.notYetObserved ?? 0) > 0 && (
            <p className="mt-2 text-xs text-muted">{r.chain?.notYetObserved} more steps are not yet observed at this time.</p>
          )}
        </section>
        <div className="space-y-5">
          <section aria-labelledby="replay-prompts" className="rounded border border-line bg-panel p-4">
            <h2 id="replay-prompts" className={H2}>
              Prompts
            </h2>
            {r.injects.length === 0 ? (
              <p className="text-sm text-muted">None due yet.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {r.injects.map((i, n) => (
                  <li key={i.id} className={n === 0 ? "font-medium" : "text-muted"}>
                    <span className="mono text-xs">{formatDateTime(new Date(i.at), "UTC")}</span> {i.text}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="replay-decisions" className="rounded border border-line bg-panel p-4">
            <h2 id="replay-decisions" className={H2}>
              Decisions
            </h2>
            {r.decisions.length > 0 && (
              <ul className="mb-3 space-y-1 text-sm">
                {r.decisions.map((d) => (
                  <li key={d.id}>
                    <span className="mono text-xs text-muted">{formatDateTime(new Date(d.clock), "UTC")}</span> {d.text}{" "}
                    <span className="text-xs text-muted">({d.by})</span>
                  </li>
                ))}
              </ul>
            )}
            {drives && <DecisionForm incidentId={id} sessionId={sessionId} />}
          </section>
        </div>
      </div>
      {r.latest && (
        <section aria-labelledby="replay-events" className="rounded border border-line bg-panel p-4">
          <h2 id="replay-events" className={H2}>
            Latest events at the clock
          </h2>
          {r.latest.length === 0 ? (
            <p className="text-sm text-muted">No event yet.</p>
          ) : (
            <table className="w-full text-sm">
              <tbody>
                {r.latest.map((e) => (
                  <tr key={e.id} className="border-b border-line last:border-0 align-top">
                    <td className="mono whitespace-nowrap py-1 pr-3 text-xs">{formatDateTime(new Date(e.occurredAt), "UTC")}</td>
                    <td className="whitespace-nowrap py-1 pr-3 text-xs text-muted">{e.source}</td>
                    <td className="py-1">
                      <Link href={`/incidents/${id}/events?event=${e.id}`} className="hover:underline">
                        {e.message || e.action}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
