import Link from "next/link";
import type { SavedAnswer } from "@/lib/training/get-attempt-view";
import type { Task } from "@/lib/training/tasks";
import { BriefForm } from "./brief-form";
import { ExactForm } from "./exact-form";
import { GapsForm } from "./gaps-form";
import { HintButton } from "./hint-button";
import { HypothesisForm } from "./hypothesis-form";
import { OrderForm } from "./order-form";
import { WindowForm } from "./window-form";

type Props = {
  attemptId: string;
  workspaceId: string;
  task: Task;
  saved: SavedAnswer | undefined;
  stages: { key: string; name: string }[];
  tagCount: number;
};

/** One task of an attempt in progress: what is asked, what it is worth, its hints and its form. */
export function TaskCard({ attemptId, workspaceId, task, saved, stages, tagCount }: Props) {
  const a = saved?.answer ?? {};
  const ids = { attemptId, taskId: task.id };
  return (
    <section aria-labelledby={`task-${task.id}`} className="space-y-3 rounded border border-line bg-panel p-4">
      <header className="flex items-baseline gap-3">
        <h3 id={`task-${task.id}`} className="font-semibold">
          {task.title}
        </h3>
        <span className="text-sm text-muted">
          {task.worth} points{task.penalty > 0 ? `, −${task.penalty} per wrong try` : ""}
        </span>
      </header>
      <p className="text-sm">{task.prompt}</p>
      {task.kind === "stage-tags" && (
        <p className="text-sm">
          You have tagged <strong>{tagCount}</strong> {tagCount === 1 ? "event" : "events"}.{" "}
          <Link href={`/incidents/${workspaceId}/events`} className="text-accent hover:underline">
            Tag events
          </Link>
        </p>
      )}
      {task.kind === "chain-order" && <OrderForm {...ids} stages={stages} saved={a.order as string[] | undefined} />}
      {task.kind === "time-window" && <WindowForm {...ids} saved={saved?.answer} />}
      {task.kind === "gaps" && <GapsForm {...ids} saved={a.windows as { start: string; end: string; note: string }[] | undefined} />}
      {task.kind === "hypothesis" && (
        <HypothesisForm {...ids} choices={task.choices ?? []} confidences={task.confidences ?? []} saved={saved?.answer} />
      )}
      {task.kind === "exact" && (
        <ExactForm {...ids} tries={(a.tries as string[] | undefined) ?? []} solved={saved?.solved ?? false} label={task.title} />
      )}
      {task.kind === "brief" && <BriefForm {...ids} rubric={task.rubric ?? []} saved={a.text as string | undefined} />}
      <HintButton {...ids} cost={task.hintCost} total={task.hints} taken={saved?.hints ?? []} />
    </section>
  );
}
