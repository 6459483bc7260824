import type { ChainView } from "@/lib/queries/get-chain";

const TONE: Record<string, string> = {
  confirmed: "bg-emerald-600",
  likely: "bg-sky-600",
  possible: "bg-amber-500",
  unknown: "bg-slate-400",
};

/** The whole chain at a glance, one cell per stage; each cell jumps to its card. */
export function ChainStrip({ chain, linkBase = "" }: { chain: ChainView; linkBase?: string }) {
  return (
    <nav
      aria-label="Chain at a glance"
      className="grid gap-1"
      style={{ gridTemplateColumns: `repeat(${chain.stages.length}, minmax(0, 1fr))` }}
    >
      {chain.stages.map((stage, i) => {
        const step = chain.steps.find((s) => s.id === stage.stepId);
        const year = (iso: string | null | undefined) => iso?.slice(0, 7) ?? "?";
        return (
          <a
            key={stage.id}
            href={`${linkBase}#stage-${stage.key}`}
            className={`flex min-w-0 flex-col gap-1 rounded p-2 text-xs ${step ? (step.inferred ? "border-2 border-dashed border-amber-500" : "border border-line bg-panel") : "border border-dashed border-line text-muted"}`}
          >
            <span className="truncate font-medium" title={stage.name}>
              {i + 1}. {stage.name}
            </span>
            <span className="truncate text-muted">
              {step ? (step.timePrecision === "unknown" ? `${year(step.startAt)} … ${year(step.endAt)}` : year(step.startAt)) : "not found"}
            </span>
            <span className="h-1.5 rounded bg-line" aria-hidden="true">
              {step && (
                <span className={`block h-1.5 rounded ${TONE[step.confidence.label]}`} style={{ width: `${step.confidence.score}%` }} />
              )}
            </span>
            <span className="capitalize">{step ? `${step.confidence.label}${step.inferred ? " · inferred" : ""}` : "—"}</span>
          </a>
        );
      })}
    </nav>
  );
}
