import type { Metadata } from "next";
import Link from "next/link";
import { NewExerciseForm } from "@/components/training/new-exercise-form";
import { NewTabletopForm } from "@/components/training/new-tabletop-form";
import { roleAllows } from "@/lib/access/permissions";
import { getPageContext } from "@/lib/access/request-context";
import { formatDateTime } from "@/lib/format/format-time";
import { listIncidents } from "@/lib/queries/list-incidents";
import { listTraining } from "@/lib/training/list-training";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Training" };

const TH = "px-3 py-2 font-medium";
const TD = "px-3 py-2";

/** Who may use it: any signed-in account. It lists the exercises one set and the attempts one was given. */
export default async function TrainingPage() {
  const ctx = await getPageContext();
  const [{ instructing, attempts, replays }, incidents] = await Promise.all([listTraining(ctx), listIncidents(ctx)]);
  // Cases one may make an exercise of: those one may share (their owner).
  const cases = incidents.filter((i) => roleAllows(i.role, "members.manage"));
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-6">
        <h1 className="sr-only">Training</h1>
        <section aria-labelledby="attempts-heading">
          <h2 id="attempts-heading" className="mb-3 text-xl font-semibold">
            Your exercises
          </h2>
          {attempts.length === 0 ? (
            <p className="rounded border border-dashed border-line p-6 text-sm text-muted">No exercise has been set for you.</p>
          ) : (
            <table className="w-full rounded border border-line bg-panel text-sm">
              <thead className="border-b border-line text-left text-muted">
                <tr>
                  <th className={TH}>Exercise</th>
                  <th className={TH}>State</th>
                  <th className={`${TH} text-right`}>Score</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((a) => (
                  <tr key={a.id} className="border-b border-line last:border-0">
                    <td className={TD}>
                      <Link href={`/training/attempts/${a.id}`} className="font-medium text-accent hover:underline">
                        {a.exerciseTitle}
                      </Link>
                    </td>
                    <td className={TD}>{a.submittedAt ? "submitted" : a.startedAt ? "in progress" : "not started"}</td>
                    <td className={`${TD} text-right tabular-nums`}>{a.score === null ? "—" : `${a.score} / ${a.worth}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="instructing-heading">
          <h2 id="instructing-heading" className="mb-3 text-lg font-semibold">
            Exercises you set
          </h2>
          {instructing.length === 0 ? (
            <p className="rounded border border-dashed border-line p-6 text-sm text-muted">None yet. Set one with the form.</p>
          ) : (
            <table className="w-full rounded border border-line bg-panel text-sm">
              <thead className="border-b border-line text-left text-muted">
                <tr>
                  <th className={TH}>Exercise</th>
                  <th className={TH}>Data</th>
                  <th className={`${TH} text-right`}>Submitted</th>
                  <th className={TH}>Set</th>
                </tr>
              </thead>
              <tbody>
                {instructing.map((x) => (
                  <tr key={x.id} className="border-b border-line last:border-0">
                    <td className={TD}>
                      <Link href={`/training/${x.id}`} className="font-medium text-accent hover:underline">
                        {x.title}
                      </Link>
                    </td>
                    <td className={TD}>{x.variantMode === "shared" ? "one variant" : "a variant each"}</td>
                    <td className={`${TD} text-right tabular-nums`}>
                      {x.submitted} of {x.attempts}
                    </td>
                    <td className={`mono ${TD} text-xs text-muted`}>{formatDateTime(x.createdAt, "UTC")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {replays.length > 0 && (
          <section aria-labelledby="replays-heading">
            <h2 id="replays-heading" className="mb-3 text-lg font-semibold">
              Tabletops you run
            </h2>
            <ul className="space-y-1 text-sm">
              {replays.map((r) => (
                <li key={r.id}>
                  <Link href={`/incidents/${r.incidentId}/replay/${r.id}`} className="font-medium text-accent hover:underline">
                    {r.title}
                  </Link>{" "}
                  <span className="text-muted">
                    on {r.incidentTitle} · clock at {formatDateTime(r.clock, "UTC")}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <aside>
        <NewExerciseForm incidents={cases.map((i) => ({ id: i.id, title: i.title }))} />
        <NewTabletopForm />
      </aside>
    </div>
  );
}
