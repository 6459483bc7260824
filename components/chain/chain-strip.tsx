import type { ChainStepView, ChainView } from "@/lib/queries/get-chain";

const TONE: Record<string, string> = {
  confirmed: "bg-emerald-600",
  likely: "bg-sky-600",
  possible: "bg-amber-500",
  unknown: "bg-slate-400",
};

/** Each chain at a glance, one row of cells in the order its steps happened; each cell jumps to its card. */
export function ChainStrip({ chain, linkBase = "" }: { chain: ChainView; linkBase?: string }) {
  const byId = new Map(chain.steps.map((s) => [s.id, s]));
  const month = (iso: string | null | undefined) => iso?.slice(0, 7) ?? "?";
  return (
    <nav aria-label="Chain at a glance" className="space-y-2">
      {chain.chains.map((group) => {
        const steps = group.stepIds.map((id) => byId.get(id)).filter((s): s is ChainStepView => Boolean(s));
        return (
          <div key={group.id}>
            {chain.chains.length > 1 && <p className="mb-1 text-xs font-medium text-muted [overflow-wrap:anywhere]">{group.title}</p>}
            <div className="grid gap-1" style={{ gridTemplateColumns: `repeat(${Math.max(steps.length, 4)}, minmax(0, 1fr))` }}>
              {steps.map((step, i) => (
                <a
                  key={step.id}
                  href={`${linkBase}#step-${step.id}`}
                  className={`flex min-w-0 flex-col gap-1 rounded p-2 text-xs ${step.inferred ? "border-2 border-dashed border-amber-500" : "border border-line bg-panel"}`}
                >
                  <span className="font-medium [overflow-wrap:anywhere]" title={step.stageName}>
                    {i + 1}. {step.stageName}
                  </span>
                  <span className="truncate text-muted">
                    {step.timePrecision === "unknown" ? `${month(step.startAt)} … ${month(step.endAt)}` : month(step.startAt)}
                  </span>
                  <span className="h-1.5 rounded bg-line" aria-hidden="true">
                    <span className={`block h-1.5 rounded ${TONE[step.confidence.label]}`} style={{ width: `${step.confidence.score}%` }} />
                  </span>
                  <span className="capitalize">{`${step.confidence.label}${step.inferred ? " · inferred" : ""}`}</span>
                </a>
              ))}
            </div>
          </div>
        );
      })}
    </nav>
  );
}
