import Link from "next/link";
import type { AttemptView } from "@/lib/training/get-attempt-view";

/** The scored attempt: points per task, and per mistake the evidence that shows the right answer. */
export function AttemptFeedback({ view }: { view: AttemptView }) {
  const result = view.result;
  if (!result) return null;
  return (
    <section aria-labelledby="feedback-heading" className="space-y-3">
      <h2 id="feedback-heading" className="text-lg font-semibold">
        Score: <span className="tabular-nums">{result.score}</span> of {result.worth}
      </h2>
      {result.tasks.map((t) => (
        <article key={t.id} aria-label={t.title} className="rounded border border-line bg-panel p-4">
          <header className="flex items-baseline gap-3">
            <h3 className="font-semibold">{t.title}</h3>
            <span className="tabular-nums text-sm">{t.pending ? "awaiting the instructor's grade" : `${t.points} of ${t.worth}`}</span>
            {t.hintsUsed > 0 && (
              <span className="text-sm text-muted">
                {t.hintsUsed} hint{t.hintsUsed === 1 ? "" : "s"}
              </span>
            )}
            {t.late && <span className="text-sm text-danger">answered after the time limit</span>}
          </header>
          {t.mistakes.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm">
              {t.mistakes.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: mistakes are listed once, in order
                <li key={i}>
                  {m.text}
                  {m.evidence.length > 0 && (
                    <ul className="mt-1 space-y-0.5 pl-4">
                      {m.evidence.map((e) => (
                        <li key={e.label}>
                          {e.eventId ? (
                            <Link href={`/incidents/${view.workspaceId}/events?event=${e.eventId}`} className="text-accent hover:underline">
                              {e.label}
                            </Link>
                          ) : (
                            <span className="text-muted">{e.label}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}
