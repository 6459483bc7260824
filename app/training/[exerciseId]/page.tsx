import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPageContext } from "@/lib/access/request-context";
import { NotFoundError } from "@/lib/errors/not-found";
import { formatDateTime } from "@/lib/format/format-time";
import { getExerciseDashboard } from "@/lib/training/dashboard";
import { instructorKeys } from "@/lib/training/instructor-keys";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Exercise dashboard" };

const TH = "px-3 py-2 font-medium";
const TD = "px-3 py-2";

/** Who may use it: the exercise's instructor; anyone else gets 404. */
export default async function ExerciseDashboardPage({ params }: { params: Promise<{ exerciseId: string }> }) {
  const { exerciseId } = await params;
  const ctx = await getPageContext();
  const [d, keys] = await Promise.all([getExerciseDashboard(ctx, exerciseId), instructorKeys(ctx, exerciseId)]).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-muted">
          <Link href="/training" className="hover:underline">
            Training
          </Link>
        </p>
        <h1 className="text-xl font-semibold">{d.title}</h1>
        <p className="text-sm text-muted">
          Set {formatDateTime(d.createdAt, "UTC")} · {d.variantMode === "shared" ? "one variant for everyone" : "a variant per trainee"}
          {d.timeLimitMinutes ? ` · ${d.timeLimitMinutes} minutes` : " · no time limit"} ·{" "}
          <a href={`/api/exercises/${d.id}/results`} className="text-accent hover:underline">
            Results (CSV)
          </a>
        </p>
      </header>
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading" className="mb-2 text-lg font-semibold">
          Attempts
        </h2>
        <table className="w-full rounded border border-line bg-panel text-sm">
          <thead className="border-b border-line text-left text-muted">
            <tr>
              <th className={TH}>Trainee</th>
              <th className={TH}>Variant</th>
              <th className={TH}>State</th>
              <th className={`${TH} text-right`}>Minutes</th>
              <th className={`${TH} text-right`}>Hints</th>
              <th className={`${TH} text-right`}>Score</th>
            </tr>
          </thead>
          <tbody>
            {d.attempts.map((a) => (
              <tr key={a.id} className="border-b border-line last:border-0">
                <td className={TD}>
                  <Link href={`/training/attempts/${a.id}`} className="font-medium text-accent hover:underline">
                    {a.trainee}
                  </Link>{" "}
                  <span className="text-muted">{a.email}</span>
                </td>
                <td className={`mono ${TD} text-xs`}>{a.variant}</td>
                <td className={TD}>
                  {a.submittedAt
                    ? a.briefPending
                      ? "submitted, brief to grade"
                      : "submitted"
                    : a.startedAt
                      ? "in progress"
                      : "not started"}
                </td>
                <td className={`${TD} text-right tabular-nums`}>{a.minutes ?? "—"}</td>
                <td className={`${TD} text-right tabular-nums`}>{a.hintsUsed}</td>
                <td className={`${TD} text-right tabular-nums`}>{a.score === null ? "—" : `${a.score} / ${a.worth}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading" className="mb-2 text-lg font-semibold">
          Tasks
        </h2>
        <table className="w-full rounded border border-line bg-panel text-sm">
          <thead className="border-b border-line text-left text-muted">
            <tr>
              <th className={TH}>Task</th>
              <th className={`${TH} text-right`}>Worth</th>
              <th className={`${TH} text-right`}>Right</th>
              <th className={`${TH} text-right`}>Mean points</th>
              <th className={TH}>Commonest wrong answers</th>
            </tr>
          </thead>
          <tbody>
            {d.tasks.map((t) => (
              <tr key={t.id} className="border-b border-line last:border-0">
                <td className={TD}>{t.title}</td>
                <td className={`${TD} text-right tabular-nums`}>{t.worth}</td>
                <td className={`${TD} text-right tabular-nums`}>{t.submitted === 0 ? "—" : `${t.right} of ${t.submitted}`}</td>
                <td className={`${TD} text-right tabular-nums`}>{t.meanPoints ?? "—"}</td>
                <td className={`mono ${TD} text-xs`}>{t.wrong.map((w) => `${w.answer} (${w.count})`).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="mb-2 text-lg font-semibold">
          Answer keys
        </h2>
        <p className="mb-2 text-sm text-muted">Only you see these: each trainee's variant and what it answers.</p>
        {keys.map((k) => (
          <details key={k.attemptId} className="mb-2 rounded border border-line bg-panel p-3 text-sm">
            <summary className="cursor-pointer font-medium">
              {k.trainee} · variant <span className="mono">{k.key.variant}</span>
            </summary>
            <dl className="mt-2 grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1">
              {Object.entries(k.key.exact).map(([task, x]) => (
                <div key={task} className="contents">
                  <dt className="text-muted">{d.tasks.find((t) => t.id === task)?.title ?? task}</dt>
                  <dd className="mono break-all">{x.accepted.join(" or ")}</dd>
                </div>
              ))}
              {k.key.window && (
                <>
                  <dt className="text-muted">Key theft window</dt>
                  <dd className="mono">
                    {k.key.window.start} → {k.key.window.end}
                  </dd>
                </>
              )}
              <dt className="text-muted">Moved in time</dt>
              <dd>
                {k.key.shiftWeeks} week{k.key.shiftWeeks === 1 ? "" : "s"} later than the scenario
              </dd>
              <dt className="text-muted">Key events</dt>
              <dd>{k.key.stageTags.length}</dd>
            </dl>
          </details>
        ))}
      </section>
    </div>
  );
}
