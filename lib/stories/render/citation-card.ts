import { formatDateTime } from "@/lib/format/format-time";
import type { CitationKind, CitedFields } from "../cited-object";

/** What a citation card shows, as plain text (log content is never markup): a label, a headline, details. */
export type CardParts = { label: string; headline: string; details: string[]; href: string | null };

type Cited = { kind: CitationKind; ref: string; frozen: CitedFields };

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** A figure's frozen SVG as an image source: shown only as an image, where nothing in it can run. */
export function figureSrc(frozen: CitedFields): string {
  const bytes = new TextEncoder().encode(str(frozen.svg));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(bin)}`;
}

/** An ISO time to the microsecond, shown in the incident's zone with its fraction kept. */
export function zonedTime(iso: unknown, zone: string): string {
  const s = str(iso);
  const d = new Date(s);
  if (!s || Number.isNaN(d.getTime())) return s;
  const fraction = /\.(\d+)/.exec(s)?.[1];
  const shown = formatDateTime(d, zone);
  return fraction ? shown.replace(/^(\S+ \d\d:\d\d:\d\d)/, `$1.${fraction}`) : shown;
}

const HOUR = 3_600_000;
function timelineAt(incidentId: string, from: unknown, to: unknown, event?: string): string | null {
  const a = Date.parse(str(from));
  const b = Date.parse(str(to ?? from));
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  const pad = Math.max(HOUR, (b - a) / 10);
  const q = new URLSearchParams({ from: new Date(a - pad).toISOString(), to: new Date(b + pad).toISOString(), lanes: "stage" });
  if (event) q.set("event", event);
  return `/incidents/${incidentId}/timeline?${q}`;
}

/**
 * The card for a citation, from what was frozen when it was cited: time in the incident's zone,
 * source, message, stage, confidence, and a link back to the timeline at that moment.
 */
export function cardParts(c: Cited, incidentId: string, zone: string): CardParts {
  const f = c.frozen;
  const t = (k: string) => zonedTime(f[k], zone);
  switch (c.kind) {
    case "event":
      return {
        label: "Event",
        headline: str(f.message),
        // An executive's copy carries no event id, source or line (and no way into raw evidence).
        details: [
          t("time"),
          f.source ? `${str(f.source)} line ${str(f.line)}` : "",
          str(f.stage) || "no stage",
          c.ref ? `event ${c.ref}` : "",
        ].filter(Boolean),
        href: c.ref ? timelineAt(incidentId, f.time, f.time, c.ref) : null,
      };
    case "step":
      return {
        label: f.inferred ? "Chain step (inferred)" : "Chain step",
        headline: str(f.title),
        details: [str(f.stage), `${t("start")} – ${t("end")}`, `${str(f.confidence)} ${str(f.score)}`, str(f.rationale)].filter(Boolean),
        href: timelineAt(incidentId, f.start, f.end),
      };
    case "gap":
      return {
        label: "Evidence gap",
        headline: str(f.scope),
        details: [`${t("start")} – ${t("end")}`, str(f.reason), str(f.description)].filter(Boolean),
        href: timelineAt(incidentId, f.start, f.end),
      };
    case "hypothesis":
      return { label: "Hypothesis", headline: str(f.title), details: [str(f.status), str(f.description)].filter(Boolean), href: null };
    case "entity":
      return {
        label: `Entity (${str(f.kind)})`,
        headline: str(f.value),
        details: [`${str(f.events)} events`, `${t("firstSeen")} – ${t("lastSeen")}`],
        href: `/incidents/${incidentId}/entities/${c.ref}`,
      };
    case "figure":
      return { label: "Figure", headline: str(f.caption), details: [], href: `/incidents/${incidentId}/timeline?${str(f.view)}` };
    case "view":
      return {
        label: "Timeline view",
        headline: "A saved view of the timeline",
        details: [],
        href: `/incidents/${incidentId}/timeline?${str(f.view)}`,
      };
  }
}
