import { day } from "@/lib/brief/brief-day";
import type { BriefBox } from "@/lib/brief/chain-boxes";

/** The chain at a glance: a box per step (or merged neighbours), dates and confidence; inferred boxes dashed. */
export function BriefChain({ boxes, zone }: { boxes: BriefBox[]; zone: string }) {
  return (
    <ol aria-label="The attack chain" className="flex gap-1.5">
      {boxes.map((b, i) => {
        const from = day(b.start, zone);
        const to = day(b.end ?? b.start, zone);
        return (
          <li
            key={`${b.stages.join("+")}@${b.start ?? i}`}
            className={`min-w-0 flex-1 rounded p-2 text-sm leading-snug ${b.inferred ? "border-2 border-dashed border-amber-500" : "border border-line bg-panel"}`}
          >
            <p className="font-semibold [overflow-wrap:anywhere] hyphens-auto" lang="en">
              {b.stages.join(" + ")}
            </p>
            <p className="text-xs">{from === to ? from : `${from} – ${to}`}</p>
            <p className="text-xs text-muted">
              {b.inferred ? "inferred · " : ""}
              {b.confidence.label} {b.confidence.score}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
