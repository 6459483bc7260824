import type { TimelineGap, TimelineLink, TimelineStep } from "@/lib/queries/get-timeline-data";
import { gapReasonLabel } from "@/lib/timeline/gap-labels";
import { formatInstant } from "@/lib/timeline/time-format";
import { describeStep } from "./chain-layer";

/** The chain and the gaps as plain lists, for screen readers (the drawing says the same in pictures). */
export function ChainStepList({
  steps,
  links,
  gaps,
  sourceName,
}: {
  steps: readonly TimelineStep[];
  links: readonly TimelineLink[];
  gaps: readonly TimelineGap[];
  sourceName(id: string | null): string | undefined;
}) {
  const title = (id: string) => steps.find((s) => s.id === id)?.title ?? "a step";
  return (
    <div className="sr-only">
      <h2>Attack chain steps</h2>
      {steps.length ? (
        <ol aria-label="Attack chain steps">
          {steps.map((s) => (
            <li key={s.id}>{describeStep(s)}</li>
          ))}
        </ol>
      ) : (
        <p>No chain steps yet.</p>
      )}
      {links.length ? (
        <ul aria-label="What ties the steps">
          {links.map((l) => (
            <li key={`${l.fromStepId}-${l.toStepId}`}>
              {title(l.toStepId)} follows {title(l.fromStepId)}: {l.ties}
            </li>
          ))}
        </ul>
      ) : null}
      <h2>Evidence gaps</h2>
      {gaps.length ? (
        <ul aria-label="Evidence gaps">
          {gaps.map((g) => (
            <li key={g.id}>
              {gapReasonLabel(g.reason)} gap in {sourceName(g.sourceId) ?? (g.scope || "an unnamed scope")}:{" "}
              {formatInstant(Date.parse(g.startAt))} to {formatInstant(Date.parse(g.endAt))}
              {g.description ? `. ${g.description}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>No evidence gaps recorded.</p>
      )}
    </div>
  );
}
