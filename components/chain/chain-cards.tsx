import type { ChainStepView, ChainView } from "@/lib/queries/get-chain";
import { StepCard } from "./step-card";

/**
 * Each chain as a section of cards in the order its steps happened (left to right, then down),
 * numbered within the chain; an ordered list for screen readers. Evidence that ties to nothing
 * comes last, as unlinked findings.
 */
export function ChainCards({
  chain,
  incidentId,
  timeZone,
  showEvidenceLinks = true,
  mayEdit = true,
  mayCite = false,
}: {
  chain: ChainView;
  incidentId: string;
  timeZone: string;
  /** False for roles that may not open raw events (executives): no links to the timeline. */
  showEvidenceLinks?: boolean;
  /** False for roles that may not record assessments (viewers, executives): no edit form. */
  mayEdit?: boolean;
  /** Writers of stories: each step offers "Cite in story…". */
  mayCite?: boolean;
}) {
  const stepsById = new Map(chain.steps.map((s) => [s.id, s]));
  const missing = chain.stages.filter((st) => !chain.steps.some((s) => s.stageKey === st.key));
  return (
    <div className="space-y-6">
      {chain.chains.map((group) => {
        const steps = group.stepIds.map((id) => stepsById.get(id)).filter((s): s is ChainStepView => Boolean(s));
        const numberOf = new Map(steps.map((s, i) => [s.id, i + 1]));
        return (
          <section key={group.id} aria-labelledby={`chain-${group.id}`} className="space-y-2">
            <h3 id={`chain-${group.id}`} className="font-semibold [overflow-wrap:anywhere]">
              {group.title}
              <span className="ml-2 text-sm font-normal text-muted">
                {group.kind === "findings"
                  ? "evidence that shares no account, address, host, app, key or file with evidence of another stage"
                  : `${steps.length} steps${group.firstAt ? `, evidence ${group.firstAt.slice(0, 10)} to ${group.lastAt?.slice(0, 10)}` : ""}`}
              </span>
            </h3>
            <ol aria-label={`${group.title}, in order`} className="grid grid-cols-1 gap-3 md:grid-cols-3">
              {steps.map((step, i) => (
                <li key={step.id} id={`step-${step.id}`} className="flex" data-stage={step.stageKey}>
                  <StepCard
                    step={step}
                    number={i + 1}
                    group={group}
                    numberOf={numberOf}
                    stepsById={stepsById}
                    incidentId={incidentId}
                    timeZone={timeZone}
                    showEvidenceLinks={showEvidenceLinks}
                    mayEdit={mayEdit}
                    mayCite={mayCite}
                  />
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      {missing.length > 0 && (
        <p className="text-sm text-muted">No evidence, and not implied by any chain: {missing.map((s) => s.name).join(", ")}.</p>
      )}
    </div>
  );
}
