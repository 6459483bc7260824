"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { StepEntities } from "@/components/chain/step-entities";
import { AnnotationPanel } from "@/components/events/annotation-panel";
import { CiteInStory } from "@/components/stories/cite-in-story";
import { revealControls } from "@/lib/format/reveal-controls";
import type { EventDetail } from "@/lib/queries/get-event-detail";
import { formatInstant, formatIsoMicros } from "@/lib/timeline/time-format";

type Props = {
  incidentId: string;
  eventId: string;
  /** Move focus into the drawer when it opens (not when the analyst steps through events with N/P). */
  shouldFocus: boolean;
  /** Offer "Cite in story…" (writers of stories). */
  canCite: boolean;
  onClose(): void;
  onFilterEntity(entityId: string): void;
};

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (not a secure context, no permission): fall back to a hidden textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{typeof children === "string" ? revealControls(children) : children}</dd>
    </>
  );
}

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section className="border-t border-line px-4 py-3">
      <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-muted uppercase">
        {title}
        {count !== undefined ? <span className="ml-1 font-normal normal-case">({count})</span> : null}
      </h3>
      {children}
    </section>
  );
}

/**
 * One event in full, beside the timeline: canonical fields, entities, rule matches, annotations
 * and the raw record as JSON. Every value is a text node: log content is never HTML.
 */
export function EventDrawer({ incidentId, eventId, shouldFocus, canCite, onClose, onFilterEntity }: Props) {
  const [state, setState] = useState<{ id: string; event: EventDetail | null; error: string | null } | null>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    setCopied("idle");
    fetch(`/api/incidents/${incidentId}/events/${eventId}`, { signal: ctrl.signal })
      .then(async (res) => {
        const body = (await res.json().catch(() => ({}))) as { event?: EventDetail; error?: string };
        if (ctrl.signal.aborted) return; // another event was opened meanwhile
        setState({ id: eventId, event: body.event ?? null, error: res.ok && body.event ? null : (body.error ?? `HTTP ${res.status}`) });
      })
      .catch((err: Error) => {
        if (!ctrl.signal.aborted) setState({ id: eventId, event: null, error: err.message });
      });
    return () => ctrl.abort();
  }, [incidentId, eventId]);

  useEffect(() => {
    if (shouldFocus) headingRef.current?.focus();
  }, [shouldFocus]);

  const event = state?.id === eventId ? state.event : null;
  const error = state?.id === eventId ? state.error : null;
  const rawText = event ? JSON.stringify(event.raw, null, 2) : "";

  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="event-drawer-title"
      className="fixed top-0 right-0 bottom-0 z-40 flex w-[34rem] max-w-full flex-col border-l border-line bg-panel shadow-2xl"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <header className="flex items-start justify-between gap-3 px-4 py-3">
        <div className="min-w-0">
          <p className="text-xs text-muted">Event {eventId}</p>
          <h2 id="event-drawer-title" ref={headingRef} tabIndex={-1} className="truncate font-semibold outline-none">
            {event ? event.action || "(no action)" : error ? "Event not found" : "Loading…"}
          </h2>
          {event ? <p className="mono text-xs text-muted">{formatIsoMicros(event.occurredAt)}</p> : null}
        </div>
        <div className="flex shrink-0 gap-2">
          {canCite && event ? <CiteInStory incidentId={incidentId} kind="event" refId={eventId} align="right" /> : null}
          <button
            type="button"
            onClick={onClose}
            className="rounded border border-line px-2 py-1 text-sm hover:border-accent"
            aria-label="Close details"
          >
            Close
          </button>
        </div>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto pb-6">
        {error ? <p className="px-4 text-sm text-danger">{error}</p> : null}
        {event ? (
          <>
            {event.message ? (
              <p className="mono border-t border-line px-4 py-3 text-xs break-words whitespace-pre-wrap">{revealControls(event.message)}</p>
            ) : null}
            <Section title="Fields">
              <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-xs">
                <Field label="occurred (UTC)">
                  <span className="mono">{formatIsoMicros(event.occurredAt)}</span>
                </Field>
                <Field label="timestamp as read">
                  <span className="mono">
                    {event.timestampText}
                    {event.assumedZone ? ` (read in ${event.assumedZone})` : ""}
                  </span>
                </Field>
                <Field label="time means">{event.timestampDesc}</Field>
                <Field label="source">
                  {event.source.name}{" "}
                  <span className="text-muted">
                    ({event.source.format}, line {event.lineNumber})
                  </span>
                </Field>
                <Field label="action">{event.action}</Field>
                <Field label="category">{event.category}</Field>
                <Field label="outcome">{event.outcome}</Field>
                <Field label="actor">{event.actor}</Field>
                <Field label="host">{event.host}</Field>
                <Field label="source IP">{event.srcIp}</Field>
                <Field label="destination IP">{event.dstIp}</Field>
                <Field label="target">{event.target}</Field>
                <Field label="stage">
                  {event.stage ? (
                    <>
                      {event.stage.name}
                      {event.stage.setBy ? <span className="text-muted"> (set by {event.stage.setBy})</span> : null}
                    </>
                  ) : (
                    <span className="text-muted">untagged</span>
                  )}
                </Field>
                <Field label="technique">{event.technique}</Field>
                <Field label="severity">{event.severity}</Field>
                <Field label="fingerprint">
                  <span className="mono break-all">{event.fingerprint}</span>
                </Field>
              </dl>
            </Section>
            {event.chainSteps.length ? (
              <Section title="Chain steps" count={event.chainSteps.length}>
                <ul className="space-y-0.5 text-xs">
                  {event.chainSteps.map((s) => (
                    <li key={s.id} className="space-y-0.5">
                      <p>
                        {s.chainTitle ? <span className="text-muted">{s.chainTitle} · </span> : null}
                        {s.title}
                        {s.isKey ? <span className="ml-1 text-accent">key evidence</span> : null}
                      </p>
                      <StepEntities entities={s.entities} incidentId={incidentId} />
                    </li>
                  ))}
                </ul>
              </Section>
            ) : null}
            <Section title="Entities" count={event.entities.length}>
              {event.entities.length ? (
                <ul className="space-y-0.5 text-xs">
                  {event.entities.map((en) => (
                    <li key={`${en.id}-${en.role}`} className="flex items-baseline gap-2">
                      <span className="w-16 shrink-0 text-muted">{en.kind}</span>
                      <span className="mono min-w-0 flex-1 break-all">{en.displayName ?? en.value}</span>
                      <span className="shrink-0 text-muted">{en.role}</span>
                      <button
                        type="button"
                        className="shrink-0 text-accent hover:underline"
                        onClick={() => onFilterEntity(en.id)}
                        aria-label={`Show only events with ${en.kind} ${en.value}`}
                      >
                        filter
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-xs text-muted">None.</p>
              )}
            </Section>
            <Section title="Rule matches" count={event.ruleMatches.length}>
              {event.ruleMatches.length ? (
                <ul className="space-y-1 text-xs">
                  {event.ruleMatches.map((m) => (
                    <li key={m.ruleId}>
                      <span className="font-medium">{m.name}</span> <span className="mono text-muted">{m.key}</span>
                      <div className="text-muted">
                        {[
                          m.stageKey && `stage ${m.stageKey}`,
                          m.technique,
                          `${m.evidence} evidence`,
                          `matched ${formatInstant(Date.parse(m.matchedAt))}`,
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </div>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-xs text-muted">No rule matched this event.</p>
              )}
            </Section>
            <Section title="Annotations" count={event.annotations.length}>
              {/* Tag, star, comment, mark key, attach to a step: the same panel as the events table. */}
              <AnnotationPanel incidentId={incidentId} eventId={eventId} />
            </Section>
            <Section title="Raw record">
              <div className="mb-1.5 flex items-center gap-2">
                <button
                  type="button"
                  className="rounded border border-line px-2 py-0.5 text-xs hover:border-accent"
                  onClick={async () => setCopied((await copyText(rawText)) ? "copied" : "failed")}
                >
                  Copy
                </button>
                <span role="status" className="text-xs text-muted">
                  {copied === "copied" ? "Copied to the clipboard" : copied === "failed" ? "Could not copy" : ""}
                </span>
              </div>
              <pre className="mono max-h-[28rem] overflow-auto rounded border border-line bg-bg p-2 text-[11px] leading-snug break-words whitespace-pre-wrap">
                {revealControls(rawText)}
              </pre>
            </Section>
          </>
        ) : null}
      </div>
    </aside>
  );
}
