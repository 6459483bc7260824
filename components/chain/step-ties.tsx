import type { ChainLinkView, ChainStepView } from "@/lib/queries/get-chain";

/** The arrows into a step: which earlier step it follows, and the accounts, addresses or keys they share. */
export function StepTies({
  links,
  numberOf,
  stepsById,
}: {
  links: ChainLinkView[];
  numberOf: Map<string, number>;
  stepsById: Map<string, ChainStepView>;
}) {
  if (links.length === 0) return null;
  return (
    <ul aria-label="Follows" className="space-y-1 text-xs">
      {links.map((l) => {
        const from = stepsById.get(l.fromStepId);
        return (
          <li key={l.id} className="rounded bg-bg px-2 py-1 [overflow-wrap:anywhere]" title={l.rationale}>
            <span className="font-medium">
              follows {numberOf.get(l.fromStepId)}. {from?.stageName ?? "an earlier step"}
            </span>
            {" · "}
            {l.kind === "inferred"
              ? "inferred, no shared evidence"
              : l.kind === "analyst"
                ? "linked by an analyst"
                : l.ties.length > 0
                  ? `shares ${l.ties.map((t) => `${t.kind} ${t.value}`).join(", ")}`
                  : "shares entities"}
          </li>
        );
      })}
    </ul>
  );
}
