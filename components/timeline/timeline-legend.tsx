import { GapSwatch } from "@/components/ui/gap-swatch";

/** What the shapes mean, and how to move with the keyboard (the main view's description). */
export function TimelineLegend({ helpId }: { helpId: string }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-1 text-xs text-muted">
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span className="flex items-center gap-1">
          <svg width="14" height="14" aria-hidden="true">
            <path d="M7,1L13,7L7,13L1,7Z" fill="#4e79a7" stroke="var(--ink)" />
          </svg>
          chain step
        </span>
        <span className="flex items-center gap-1">
          <svg width="14" height="14" aria-hidden="true">
            <path d="M7,1L13,7L7,13L1,7Z" fill="var(--panel)" stroke="#4e79a7" strokeWidth="2" strokeDasharray="3 2" />
          </svg>
          inferred step
        </span>
        <span className="flex items-center gap-1">
          <svg width="46" height="8" aria-hidden="true">
            <line x1="0" x2="12" y1="4" y2="4" stroke="var(--ink)" strokeWidth="1.5" />
            <line x1="17" x2="29" y1="4" y2="4" stroke="var(--ink)" strokeWidth="1.5" strokeDasharray="4 2" />
            <line x1="34" x2="46" y1="4" y2="4" stroke="var(--ink)" strokeWidth="1.5" strokeDasharray="1 2" />
          </svg>
          confirmed · likely · unknown
        </span>
        <span className="flex items-center gap-1">
          <GapSwatch />
          evidence gap
        </span>
        <span>times in UTC</span>
      </p>
      <p id={helpId}>Wheel or +/− zooms, drag or ←/→ pans, Home shows everything, N/P steps through events, click a mark for details.</p>
    </div>
  );
}
