import Link from "next/link";
import type { ChainView } from "@/lib/queries/get-chain";
import { ConfidenceBadge } from "./confidence-badge";
import { StepDetails } from "./step-details";
import { StepEntities } from "./step-entities";
import { stepWhen } from "./step-when";

/** One card per stage, in chain order (left to right, then down); an ordered list for screen readers. */
export function ChainCards({
  chain,
  incidentId,
  timeZone,
  showEvidenceLinks = true,
  mayEdit = true,
}: {
  chain: ChainView;
  incidentId: string;
  timeZone: string;
  /** False for roles that may not open raw events (executives): no links to the timeline. */
  showEvidenceLinks?: boolean;
  /** False for roles that may not record assessments (viewers, executives): no edit form. */
  mayEdit?: boolean;
}) {
  return (
    <ol aria-label="Attack chain, in order" className="grid grid-cols-1 gap-3 md:grid-cols-3">
      {chain.stages.map((stage, i) => {
        const step = chain.steps.find((s) => s.id === stage.stepId);
        const timeline = new URLSearchParams({ lanes: "stage", stage: stage.key });
        if (step?.startAt) timeline.set("from", step.startAt);
        if (step?.endAt) timeline.set("to", step.endAt);
        return (
          <li key={stage.id} id={`stage-${stage.key}`} className="flex" data-stage={stage.key}>
            <article
              aria-label={`${i + 1}. ${stage.name}`}
              className={`flex w-full flex-col gap-2 rounded p-3 ${
                !step
                  ? "border border-dashed border-line text-muted"
                  : step.inferred
                    ? "border-2 border-dashed border-amber-500 bg-panel"
                    : "border border-line bg-panel"
              }`}
            >
              <header>
                <p className="text-xs text-muted">
                  {i + 1} · {step ? (step.inferred ? "inferred" : "evidenced") : "not found"}
                </p>
                <h3 className="font-semibold leading-snug">{stage.name}</h3>
                {step && step.title !== stage.name && <p className="text-sm">{step.title}</p>}
              </header>
              {step ? (
                <>
                  <p className="text-xs" title={`${step.startAt ?? "?"} → ${step.endAt ?? "?"} (UTC, µs)`}>
                    {stepWhen(step, timeZone)}
                  </p>
                  <p className="text-xs text-muted">
                    {step.inferred
                      ? step.eventCount
                        ? `${step.eventCount.toLocaleString("en-US")} events fit it; none proves it`
                        : "no event shows it"
                      : `${step.eventCount.toLocaleString("en-US")} event${step.eventCount === 1 ? "" : "s"} show${step.eventCount === 1 ? "s" : ""} it`}
                  </p>
                  <ConfidenceBadge confidence={step.confidence} />
                  <StepEntities entities={step.entities} incidentId={incidentId} />
                  {step.gaps.length > 0 && (
                    <ul className="space-y-1 text-xs" aria-label="Evidence gaps">
                      {step.gaps.map((g) => (
                        <li key={g.id} className="rounded bg-bg px-2 py-1" title={g.description}>
                          <span className="font-medium">gap: {g.reason.replace("_", " ")}</span>
                          {g.scope ? ` · ${g.scope}` : ""} · {g.startAt.slice(0, 10)} → {g.endAt.slice(0, 10)}
                        </li>
                      ))}
                    </ul>
                  )}
                  {step.hypotheses.length > 0 && (
                    <p className="text-xs text-muted">
                      {step.hypotheses.length} hypothes{step.hypotheses.length === 1 ? "is" : "es"}:{" "}
                      {step.hypotheses
                        .filter((h) => h.status === "leading")
                        .map((h) => h.title.slice(0, 60))
                        .join("; ") || "none leading"}
                    </p>
                  )}
                  {showEvidenceLinks && (
                    <Link className="mt-auto text-sm text-accent underline" href={`/incidents/${incidentId}/timeline?${timeline}`}>
                      Events on the timeline
                    </Link>
                  )}
                  <StepDetails step={step} incidentId={incidentId} mayEdit={mayEdit} />
                </>
              ) : (
                <p className="text-xs">No event tagged with this stage, and no later stage implies it.</p>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
