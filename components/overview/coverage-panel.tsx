import Link from "next/link";
import { GapSwatch } from "@/components/ui/gap-swatch";
import { formatDateTime } from "@/lib/format/format-time";
import type { CoverageGap, IncidentCoverage } from "@/lib/queries/get-incident-coverage";
import { gapReasonLabel } from "@/lib/timeline/gap-labels";
import { CoverageChart } from "./coverage-chart";

const n = (x: number) => x.toLocaleString("en-US");

function GapList({ gaps, timeZone, isShowingScope }: { gaps: CoverageGap[]; timeZone: string; isShowingScope?: boolean }) {
  if (!gaps.length) return <span className="text-muted">—</span>;
  return (
    <ul className="space-y-0.5">
      {gaps.map((g) => (
        <li key={g.id}>
          <span className="text-danger">{gapReasonLabel(g.reason)}</span>
          {isShowingScope && g.scope ? <span className="text-muted"> · {g.scope}</span> : null}{" "}
          <span className="mono whitespace-nowrap text-muted">
            {formatDateTime(g.startAt, timeZone)} → {formatDateTime(g.endAt, timeZone)}
          </span>
          {g.description ? (
            <div className="line-clamp-2 max-w-prose text-muted" title={g.description}>
              {g.description}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The Overview's "Sources and coverage" panel: a shared-axis coverage chart and its table. */
export function CoveragePanel({ coverage, incidentId, timeZone }: { coverage: IncidentCoverage; incidentId: string; timeZone: string }) {
  const th = "px-3 py-2 font-medium";
  const num = "px-3 py-2 text-right tabular-nums";
  return (
    <section aria-labelledby="coverage-heading" className="space-y-3 rounded border border-line bg-panel p-4">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="coverage-heading" className="font-semibold">
          Sources and coverage
        </h2>
        {coverage.firstEventAt && coverage.lastEventAt ? (
          <p className="mono text-xs text-muted">
            {formatDateTime(coverage.firstEventAt, timeZone)} → {formatDateTime(coverage.lastEventAt, timeZone)}
          </p>
        ) : null}
      </div>
      {coverage.rows.length === 0 && coverage.otherGaps.length === 0 ? (
        <p className="text-sm text-muted">
          No sources yet.{" "}
          <Link href={`/incidents/${incidentId}/import`} className="text-accent hover:underline">
            Import logs
          </Link>
        </p>
      ) : (
        <>
          <CoverageChart coverage={coverage} timeZone={timeZone} />
          <p className="flex items-center gap-4 text-xs text-muted">
            <span className="flex items-center gap-1">
              <span className="inline-block h-2.5 w-5 rounded-sm bg-accent" aria-hidden="true" /> first to last event
            </span>
            <span className="flex items-center gap-1">
              <GapSwatch />
              evidence gap
            </span>
            <span>axis in UTC</span>
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-xs">
              <caption className="sr-only">Sources, their line counts, coverage and evidence gaps</caption>
              <thead className="border-b border-line text-left text-muted">
                <tr>
                  <th className={th}>Source</th>
                  <th className={`${th} text-right`}>Read</th>
                  <th className={`${th} text-right`}>Imported</th>
                  <th className={`${th} text-right`}>Duplicate</th>
                  <th className={`${th} text-right`}>Rejected</th>
                  <th className={`${th} text-right`}>Redaction findings</th>
                  <th className={th}>Coverage</th>
                  <th className={th}>Gaps</th>
                </tr>
              </thead>
              <tbody>
                {coverage.rows.map((r) => (
                  <tr key={r.sourceId} className="border-b border-line align-top last:border-0">
                    <td className="px-3 py-2">
                      <Link href={`/incidents/${incidentId}/sources/${r.sourceId}`} className="font-medium text-accent hover:underline">
                        {r.name}
                      </Link>
                      <div className="text-muted">{r.format}</div>
                    </td>
                    <td className={num}>{n(r.readCount)}</td>
                    <td className={num}>{n(r.importedCount)}</td>
                    <td className={num}>{n(r.duplicateCount)}</td>
                    <td className={`${num} ${r.rejectedCount ? "text-danger" : ""}`}>{n(r.rejectedCount)}</td>
                    <td className={num}>{n(r.redactionFindings)}</td>
                    <td className="mono whitespace-nowrap px-3 py-2 text-muted">
                      {r.firstEventAt && r.lastEventAt ? (
                        <>
                          {formatDateTime(r.firstEventAt, timeZone)} →<br />
                          {formatDateTime(r.lastEventAt, timeZone)}
                        </>
                      ) : (
                        "no events"
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <GapList gaps={r.gaps} timeZone={timeZone} />
                    </td>
                  </tr>
                ))}
                {coverage.otherGaps.length ? (
                  <tr className="align-top">
                    <td className="px-3 py-2 italic text-muted">Other gaps</td>
                    <td colSpan={6} className="px-3 py-2 text-muted">
                      not tied to an imported source
                    </td>
                    <td className="px-3 py-2">
                      <GapList gaps={coverage.otherGaps} timeZone={timeZone} isShowingScope />
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
