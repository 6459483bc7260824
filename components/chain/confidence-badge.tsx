import type { ChainConfidence } from "@/lib/queries/get-chain";

const TONE: Record<ChainConfidence["label"], string> = {
  confirmed: "bg-emerald-600",
  likely: "bg-sky-600",
  possible: "bg-amber-500",
  unknown: "bg-slate-400",
};

/** Label, score and a bar; the bar is decoration, the text says it all. */
export function ConfidenceBadge({ confidence }: { confidence: ChainConfidence }) {
  return (
    <div>
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium capitalize">{confidence.label}</span>
        <span className="tabular-nums text-muted">{confidence.score}/100</span>
      </div>
      <div className="mt-1 h-1.5 rounded bg-line" aria-hidden="true">
        <div className={`h-1.5 rounded ${TONE[confidence.label]}`} style={{ width: `${confidence.score}%` }} />
      </div>
      <p className="mt-1 line-clamp-3 text-xs text-muted" title={confidence.citation || undefined}>
        {confidence.origin === "analyst"
          ? `assessed ${confidence.effectiveAt?.slice(0, 10)} by ${confidence.by}${confidence.citation ? ` · ${confidence.citation}` : ""}`
          : confidence.origin === "rules"
            ? "from the rules' reading of the evidence"
            : "not assessed by then"}
      </p>
    </div>
  );
}
