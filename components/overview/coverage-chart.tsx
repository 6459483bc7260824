import * as d3 from "d3";
import { formatDateTime } from "@/lib/format/format-time";
import { wrapText } from "@/lib/format/wrap-text";
import type { CoverageGap, IncidentCoverage } from "@/lib/queries/get-incident-coverage";
import { gapBandText, gapReasonLabel } from "@/lib/timeline/gap-labels";

const WIDTH = 960;
const GUTTER = 190;
const RIGHT = 24;
const ROW = 30;
const BAR = 14;
const TOP = 8;
const AXIS = 28;
const HATCH_ID = "coverage-gap-hatch";

type ChartRow = { key: string; label: string; first: Date | null; last: Date | null; gaps: CoverageGap[] };

/** One shared time axis with a bar per source (first → last event) and hatched evidence gaps. */
export function CoverageChart({ coverage, timeZone }: { coverage: IncidentCoverage; timeZone: string }) {
  const { domain } = coverage;
  if (!domain) return null;
  const rows: ChartRow[] = coverage.rows.map((r) => ({
    key: r.sourceId,
    label: r.name,
    first: r.firstEventAt,
    last: r.lastEventAt,
    gaps: r.gaps,
  }));
  if (coverage.otherGaps.length) rows.push({ key: "other", label: "Other gaps", first: null, last: null, gaps: coverage.otherGaps });

  // A single instant still needs some width to draw: pad it by an hour either side.
  const [d0, d1] =
    domain[0].getTime() === domain[1].getTime() ? [d3.utcHour.offset(domain[0], -1), d3.utcHour.offset(domain[1], 1)] : domain;
  const x = d3
    .scaleUtc()
    .domain([d0, d1])
    .range([GUTTER, WIDTH - RIGHT]);
  const ticks = x.ticks(8);
  const tickFormat = x.tickFormat(8);
  const height = TOP + rows.length * ROW + AXIS;
  const axisY = TOP + rows.length * ROW;
  const fmt = (d: Date) => formatDateTime(d, timeZone);

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="block h-auto w-full"
      aria-label={`Coverage of each source from ${fmt(d0)} to ${fmt(d1)}`}
    >
      <defs>
        <pattern id={HATCH_ID} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="stroke-danger" strokeWidth="2" />
        </pattern>
      </defs>
      {ticks.map((t) => (
        <line key={t.getTime()} x1={x(t)} x2={x(t)} y1={TOP} y2={axisY} className="stroke-line" strokeWidth="1" />
      ))}
      {rows.map((r, i) => {
        const y = TOP + i * ROW;
        const barY = y + (ROW - BAR) / 2;
        const lines = r.label.length <= 26 ? [r.label] : wrapText(r.label, GUTTER - 16, 6.3, 2);
        return (
          <g key={r.key}>
            <text
              x={GUTTER - 8}
              y={y + ROW / 2}
              textAnchor="end"
              className={`${lines.length > 1 ? "text-[11px]" : "text-[12px]"} ${r.key === "other" ? "fill-muted italic" : "fill-ink"}`}
            >
              <title>{r.label}</title>
              {/* The whole file name, on two lines when one is not enough. */}
              {lines.map((line, k) => (
                <tspan key={line} x={GUTTER - 8} dy={k === 0 ? `${0.35 - (lines.length - 1) * 0.55}em` : "1.1em"}>
                  {line}
                </tspan>
              ))}
            </text>
            {r.gaps.map((g) => {
              const gx = x(g.startAt);
              const gw = Math.max(3, x(g.endAt) - gx);
              const band = gapBandText(
                { reason: g.reason, endAt: g.endAt.toISOString() },
                r.key === "other" ? undefined : { name: r.label, firstEventAt: r.first?.toISOString() ?? null },
                false,
              );
              const label = `${band.tooltipPrefix}${gapReasonLabel(g.reason)} gap${g.scope && r.key === "other" ? ` (${g.scope})` : ""}: ${fmt(g.startAt)} to ${fmt(g.endAt)}${g.description ? ` — ${g.description}` : ""}`;
              const short = band.text;
              return (
                <g key={g.id} aria-label={label}>
                  <title>{label}</title>
                  <rect
                    x={gx}
                    y={y + 3}
                    width={gw}
                    height={ROW - 6}
                    fill={`url(#${HATCH_ID})`}
                    className={band.isBeforeSource ? "stroke-muted" : "stroke-danger"}
                    strokeWidth="1"
                    strokeDasharray={band.isBeforeSource ? "4 3" : undefined}
                    opacity={band.isBeforeSource ? 0.35 : 0.85}
                  />
                  {gw > short.length * 6.5 + 8 ? (
                    <>
                      <rect
                        x={gx + gw / 2 - (short.length * 6.2 + 8) / 2}
                        y={y + ROW / 2 - 8}
                        width={short.length * 6.2 + 8}
                        height={16}
                        rx="3"
                        className="fill-panel"
                      />
                      <text
                        x={gx + gw / 2}
                        y={y + ROW / 2}
                        dy="0.35em"
                        textAnchor="middle"
                        className={`${band.isBeforeSource ? "fill-muted" : "fill-danger"} text-[11px] font-medium`}
                      >
                        {short}
                      </text>
                    </>
                  ) : null}
                </g>
              );
            })}
            {r.first && r.last ? (
              <rect
                x={x(r.first)}
                y={barY}
                width={Math.max(2, x(r.last) - x(r.first))}
                height={BAR}
                rx="2"
                className="fill-accent"
                aria-label={`${r.label}: events from ${fmt(r.first)} to ${fmt(r.last)}`}
              >
                <title>{`${r.label}: events from ${fmt(r.first)} to ${fmt(r.last)}`}</title>
              </rect>
            ) : r.key !== "other" ? (
              <text x={GUTTER + 4} y={y + ROW / 2} dy="0.35em" className="fill-muted text-[11px]">
                no events
              </text>
            ) : null}
          </g>
        );
      })}
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; the table gives every date as text. */}
      <g aria-hidden="true">
        <line x1={GUTTER} x2={WIDTH - RIGHT} y1={axisY} y2={axisY} className="stroke-muted" strokeWidth="1" />
        {ticks.map((t) => (
          <g key={t.getTime()} transform={`translate(${x(t)},${axisY})`}>
            <line y2="5" className="stroke-muted" strokeWidth="1" />
            <text y="18" textAnchor="middle" className="fill-muted text-[11px] tabular-nums">
              {tickFormat(t)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
