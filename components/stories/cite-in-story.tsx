"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { PopoverButton } from "@/components/ui/popover-button";
import type { CitationKind } from "@/lib/stories/cited-object";

type Draft = { id: string; title: string; status: string };

/**
 * "Cite in story…": freezes this event, step, gap, hypothesis or entity into one of the incident's
 * draft stories and adds its card at the end of the text, to be moved where it belongs.
 */
export function CiteInStory({
  incidentId,
  kind,
  refId,
  align = "left",
  extra,
  defaultCaption,
}: {
  incidentId: string;
  kind: CitationKind | "figure";
  refId: string;
  align?: "left" | "right";
  /** More of the citation (a figure's SVG and caption), read when the writer picks the story. */
  extra?: () => Record<string, unknown> | null;
  /** A figure's caption as first offered; the writer may change it before adding. */
  defaultCaption?: string;
}) {
  return (
    <PopoverButton label={kind === "figure" ? "Add to story…" : "Cite in story…"} align={align}>
      <StoryPicker incidentId={incidentId} kind={kind} refId={refId} extra={extra} defaultCaption={defaultCaption} />
    </PopoverButton>
  );
}

function StoryPicker({
  incidentId,
  kind,
  refId,
  extra,
  defaultCaption,
}: {
  incidentId: string;
  kind: string;
  refId: string;
  extra?: () => Record<string, unknown> | null;
  defaultCaption?: string;
}) {
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [caption, setCaption] = useState(defaultCaption ?? "");
  const [done, setDone] = useState<{ story: Draft } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch(`/api/incidents/${incidentId}/stories`)
      .then((r) => r.json())
      .then((j: { stories?: Draft[] }) => setDrafts((j.stories ?? []).filter((s) => s.status === "draft")))
      .catch(() => setError("could not list the stories"));
  }, [incidentId]);
  async function cite(story: Draft) {
    setError(null);
    const res = await fetch(`/api/incidents/${incidentId}/stories/${story.id}/citations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind, ref: refId, insert: true, ...(extra?.() ?? {}), ...(defaultCaption !== undefined ? { caption } : {}) }),
    });
    const j = (await res.json().catch(() => ({}))) as { error?: string };
    if (res.ok) setDone({ story });
    else setError(j.error ?? `could not cite (${res.status})`);
  }
  if (done)
    return (
      <p className="text-sm" role="status">
        Cited in{" "}
        <Link className="text-accent underline" href={`/incidents/${incidentId}/story/${done.story.id}`}>
          {done.story.title}
        </Link>{" "}
        (at the end of the text).
      </p>
    );
  return (
    <div className="min-w-72 space-y-1 text-sm">
      {defaultCaption !== undefined && (
        <label className="block">
          Caption
          <input
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
            maxLength={500}
            className="mt-0.5 w-full rounded border border-line bg-bg px-1.5 py-1"
          />
        </label>
      )}
      {drafts === null && !error && <p className="text-muted">Loading stories…</p>}
      {drafts?.length === 0 && (
        <p className="text-muted">
          No draft stories.{" "}
          <Link className="text-accent underline" href={`/incidents/${incidentId}/story`}>
            Start one
          </Link>
        </p>
      )}
      {drafts?.map((s) => (
        <button key={s.id} type="button" onClick={() => cite(s)} className="block w-full rounded px-2 py-1 text-left hover:bg-bg">
          {s.title}
        </button>
      ))}
      {error && <p className="text-danger">{error}</p>}
    </div>
  );
}
