import Link from "next/link";
import { CiteInStory } from "@/components/stories/cite-in-story";
import type { ChainGroupView, ChainStepView } from "@/lib/queries/get-chain";
import { ConfidenceBadge } from "./confidence-badge";
import { StepDetails } from "./step-details";
import { StepEntities } from "./step-entities";
import { StepTies } from "./step-ties";
import { stepWhen } from "./step-when";

/** One step of a chain: when, how much evidence, how sure, what it names, what ties it to the steps before. */
export function StepCard({
  step,
  number,
  group,
  numberOf,
  stepsById,
  incidentId,
  timeZone,
  showEvidenceLinks,
  mayEdit,
  mayCite = false,
}: {
  step: ChainStepView;
  number: number;
  group: ChainGroupView;
  numberOf: Map<string, number>;
  stepsById: Map<string, ChainStepView>;
  incidentId: string;
  timeZone: string;
  showEvidenceLinks: boolean;
  mayEdit: boolean;
  mayCite?: boolean;
}) {
  const timeline = new URLSearchParams({ lanes: "stage", stage: step.stageKey });
  if (step.startAt) timeline.set("from", step.startAt);
  if (step.endAt) timeline.set("to", step.endAt);
  return (
    <article
      aria-label={`${number}. ${step.stageName}`}
      className={`flex w-full flex-col gap-2 rounded p-3 ${step.inferred ? "border-2 border-dashed border-amber-500 bg-panel" : "border border-line bg-panel"}`}
    >
      <header>
        <p className="text-xs text-muted">
          {number} · {step.inferred ? "inferred" : "evidenced"}
        </p>
        <h3 className="font-semibold leading-snug">{step.stageName}</h3>
        {step.title !== step.stageName && <p className="text-sm">{step.title}</p>}
      </header>
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
      <StepTies links={group.links.filter((l) => l.toStepId === step.id)} numberOf={numberOf} stepsById={stepsById} />
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
      <div className="mt-auto flex flex-wrap items-center gap-2">
        {showEvidenceLinks && (
          <Link className="text-sm text-accent underline" href={`/incidents/${incidentId}/timeline?${timeline}`}>
            Events on the timeline
          </Link>
        )}
        {mayCite && <CiteInStory incidentId={incidentId} kind="step" refId={step.id} />}
      </div>
      <StepDetails step={step} incidentId={incidentId} mayEdit={mayEdit} />
    </article>
  );
}
