import type { BriefAssessment } from "@/lib/brief/brief-assessment";
import { FUNCTIONAL_IMPACT, INFORMATION_IMPACT, PRIORITIES, RECOVERABILITY } from "@/lib/brief/cisa-scale";

/** The priority on CISA's scale, in its colour, or plainly "not assessed". */
export function PriorityBadge({ assessment }: { assessment: BriefAssessment | null }) {
  const p = assessment?.priority ? PRIORITIES[assessment.priority] : null;
  if (!p) return <span className="rounded border border-dashed border-line px-2 py-0.5 text-base">Priority not assessed</span>;
  return (
    <span className="rounded border border-ink px-2 py-0.5 text-base font-semibold" style={{ background: p.colour, color: p.ink }}>
      Priority: {p.label} (CISA level {p.level})
    </span>
  );
}

/** CISA's three impact axes as the analyst judged them. */
export function ImpactAxes({ assessment }: { assessment: BriefAssessment | null }) {
  const axes = [
    ["Functional impact", assessment?.functionalImpact ? FUNCTIONAL_IMPACT[assessment.functionalImpact] : null],
    ["Information impact", assessment?.informationImpact ? INFORMATION_IMPACT[assessment.informationImpact] : null],
    ["Recoverability", assessment?.recoverability ? RECOVERABILITY[assessment.recoverability] : null],
  ] as const;
  return (
    <dl className="grid grid-cols-3 gap-3 text-base">
      {axes.map(([label, value]) => (
        <div key={label}>
          <dt className="text-sm text-muted">{label}</dt>
          <dd className={value ? "font-semibold" : "text-muted"}>{value ?? "not assessed"}</dd>
        </div>
      ))}
    </dl>
  );
}
