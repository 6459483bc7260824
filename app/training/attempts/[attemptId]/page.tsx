import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptControls } from "@/components/training/attempt-controls";
import { AttemptFeedback } from "@/components/training/attempt-feedback";
import { GradeBriefForm } from "@/components/training/grade-brief-form";
import { TaskCard } from "@/components/training/task-card";
import { getPageContext } from "@/lib/access/request-context";
import { NotFoundError } from "@/lib/errors/not-found";
import { formatDateTime } from "@/lib/format/format-time";
import { listStages } from "@/lib/queries/list-stages";
import { countOwnTags } from "@/lib/training/count-own-tags";
import { getAttemptView } from "@/lib/training/get-attempt-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Exercise" };

/**
 * Who may use it: the attempt's trainee (works it, then reads the feedback) and the exercise's
 * instructor (reads it, grades the brief); anyone else gets 404.
 */
export default async function AttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const ctx = await getPageContext();
  const view = await getAttemptView(ctx, attemptId).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const working = view.as === "trainee" && view.startedAt !== null && view.submittedAt === null;
  const [stages, tagCount] = working
    ? await Promise.all([listStages(ctx, view.workspaceId), countOwnTags(ctx, view.workspaceId)])
    : [[], 0];
  const brief = view.tasks.find((t) => t.kind === "brief");
  const views = ["events", "timeline", "entities", "sources"] as const;
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/training" className="hover:underline">
            Training
          </Link>
        </p>
        <h1 className="text-xl font-semibold">{view.title}</h1>
        {view.startedAt && (
          <nav aria-label="Workspace" className="flex flex-wrap gap-4 text-sm">
            <span className="text-muted">Workspace:</span>
            {views.map((v) => (
              <Link key={v} href={`/incidents/${view.workspaceId}/${v}`} className="capitalize text-accent hover:underline">
                {v}
              </Link>
            ))}
          </nav>
        )}
        <p className="text-sm text-muted">
          {view.startedAt ? `Started ${formatDateTime(view.startedAt, "UTC")}` : "Not started."}
          {view.deadline &&
            ` · Time limit ends ${formatDateTime(view.deadline, "UTC")}: answers after it are refused, and tags count as they stand when you submit`}
          {view.submittedAt && ` · Submitted ${formatDateTime(view.submittedAt, "UTC")}`}
        </p>
      </header>
      {view.as === "trainee" && view.submittedAt === null && <AttemptControls attemptId={view.id} started={view.startedAt !== null} />}
      {working &&
        view.tasks.map((t) => (
          <TaskCard
            key={t.id}
            attemptId={view.id}
            workspaceId={view.workspaceId}
            task={t}
            saved={view.answers[t.id]}
            stages={stages}
            tagCount={tagCount}
          />
        ))}
      {view.as === "instructor" && view.submittedAt === null && <p className="text-sm">Not submitted yet.</p>}
      <AttemptFeedback view={view} />
      {view.as === "instructor" && view.submittedAt && brief && (
        <section aria-labelledby="brief-heading" className="space-y-2 rounded border border-line bg-panel p-4">
          <h2 id="brief-heading" className="font-semibold">
            The brief
          </h2>
          <p className="whitespace-pre-wrap rounded border border-line bg-bg p-2 text-sm">
            {String(view.answers[brief.id]?.answer.text ?? "(none written)")}
          </p>
          <ul className="list-disc pl-5 text-sm text-muted">
            {(brief.rubric ?? []).map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <GradeBriefForm attemptId={view.id} worth={brief.worth} />
        </section>
      )}
    </div>
  );
}
