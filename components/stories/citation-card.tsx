import Link from "next/link";
import type { CitationView } from "@/lib/stories/get-story";
import { cardParts, figureSrc } from "@/lib/stories/render/citation-card";

/** A citation as the reader sees it: the frozen text (log content as text), a link back, and what changed since. */
export type ClientCitation = Pick<CitationView, "id" | "kind" | "ref" | "frozen"> & { changes: CitationView["changes"] };

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));

export function CitationCard({ c, n, incidentId, zone }: { c: ClientCitation; n?: number; incidentId: string; zone: string }) {
  const p = cardParts(c, incidentId, zone);
  if (c.kind === "figure")
    return (
      <span className="my-3 block" data-citation={c.id}>
        {/* biome-ignore lint/performance/noImgElement: a frozen SVG shown as an image, so nothing in it runs; not an asset to optimise */}
        <img src={figureSrc(c.frozen)} alt={p.headline || "Timeline figure"} className="block w-full rounded border border-line" />
        <span className="mt-1 block text-xs text-muted">
          Figure {n ?? ""}. {p.headline}
        </span>
      </span>
    );
  return (
    <span className="my-2 block rounded border border-l-4 border-line border-l-accent bg-panel px-3 py-2" data-citation={c.id}>
      <span className="block text-xs uppercase tracking-wide text-muted">
        {n ? `[${n}] ` : ""}
        {p.label}
        {p.href && (
          <>
            {" · "}
            <Link className="normal-case text-accent underline" href={p.href}>
              {c.kind === "event" || c.kind === "step" || c.kind === "gap" ? "open in the timeline" : "open"}
            </Link>
          </>
        )}
      </span>
      <span className="block break-words font-mono text-sm">{p.headline}</span>
      <span className="block break-words text-xs text-muted">{p.details.join(" · ")}</span>
      {c.changes.length > 0 && <ChangedSinceCited changes={c.changes} />}
    </span>
  );
}

function ChangedSinceCited({ changes }: { changes: CitationView["changes"] }) {
  return (
    <span className="mt-1 block rounded bg-bg px-2 py-1 text-xs" role="note">
      <strong className="text-danger">Changed since cited</strong> (the story keeps what was cited):{" "}
      {changes.map((ch) => `${ch.field}: ${show(ch.cited)} → ${show(ch.now)}`).join("; ")}
    </span>
  );
}
