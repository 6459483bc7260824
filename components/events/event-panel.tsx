"use client";

import Link from "next/link";
import { CiteInStory } from "@/components/stories/cite-in-story";
import { revealControls } from "@/lib/format/reveal-controls";
import type { EventListRow } from "@/lib/queries/list-events";
import { AnnotationPanel, type AnnotationSummary } from "./annotation-panel";

/** An open row: the message (as text) and the main fields on the left, the annotations on the right. */
export function EventPanel({
  incidentId,
  row,
  focusComment,
  canCite,
  onAnnotated,
}: {
  incidentId: string;
  row: EventListRow;
  focusComment: boolean;
  canCite: boolean;
  onAnnotated(eventId: string, summary: AnnotationSummary): void;
}) {
  const fields = [
    ["Actor", row.actor],
    ["Host", row.host],
    ["Source IP", row.srcIp],
    ["Target", row.target],
    ["Technique", row.technique],
    ["Source", row.source.name],
  ] as const;
  return (
    <div className="grid h-full grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-4 p-3">
      <div className="min-h-0 space-y-2 overflow-auto pr-2">
        <p className="text-xs text-muted">Message</p>
        <p className="mono whitespace-pre-wrap break-words text-xs leading-5">
          {revealControls(row.message)}
          {row.messageTruncated ? "…" : ""}
        </p>
        <dl className="grid grid-cols-[5.5rem_1fr] gap-x-2 text-xs">
          {fields.map(([k, v]) =>
            v ? (
              <div key={k} className="contents">
                <dt className="text-muted">{k}</dt>
                <dd className="truncate" title={revealControls(v)}>
                  {revealControls(v)}
                </dd>
              </div>
            ) : null,
          )}
        </dl>
        <div className="flex flex-wrap items-center gap-3">
          <Link href={`/incidents/${incidentId}/timeline?event=${row.id}`} prefetch={false} className="text-xs text-accent hover:underline">
            Open on the timeline (full record)
          </Link>
          {canCite ? <CiteInStory incidentId={incidentId} kind="event" refId={row.id} /> : null}
        </div>
      </div>
      <div className="min-h-0 overflow-auto border-l border-line pl-4">
        <AnnotationPanel
          incidentId={incidentId}
          eventId={row.id}
          autoFocusComment={focusComment}
          onChange={(s) => onAnnotated(row.id, s)}
        />
      </div>
    </div>
  );
}
