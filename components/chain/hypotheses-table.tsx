import type { HypothesisView } from "@/lib/queries/list-hypotheses";

const STATUS_ORDER = ["leading", "open", "unlikely", "rejected"];

/** The competing explanations, leading first, with the steps each explains and its evidence. */
export function HypothesesTable({ hypotheses }: { hypotheses: HypothesisView[] }) {
  if (hypotheses.length === 0) return null;
  const sorted = [...hypotheses].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  return (
    <section aria-labelledby="hypotheses-heading">
      <h3 id="hypotheses-heading" className="mb-2 font-semibold">
        Competing hypotheses
      </h3>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-line text-left text-xs text-muted">
            <th className="py-1 pr-3">Status</th>
            <th className="py-1 pr-3">Hypothesis</th>
            <th className="py-1 pr-3">Steps</th>
            <th className="py-1 pr-3">Evidence</th>
            <th className="py-1">Source</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((h) => (
            <tr key={h.id} className="border-b border-line align-top">
              <td className="py-1.5 pr-3 font-medium capitalize">{h.status}</td>
              <td className="py-1.5 pr-3">
                {h.title}
                {h.description && <span className="block text-xs text-muted">{h.description}</span>}
              </td>
              <td className="py-1.5 pr-3 text-xs">{h.steps.map((s) => s.stageKey).join(", ") || "—"}</td>
              <td className="py-1.5 pr-3 text-xs">
                {h.evidence.length
                  ? `${h.evidence.filter((e) => e.stance === "supports").length} for, ${h.evidence.filter((e) => e.stance === "contradicts").length} against`
                  : "—"}
              </td>
              <td className="py-1.5 text-xs text-muted">{h.source || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
