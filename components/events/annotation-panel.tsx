"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { EventAnnotations } from "@/lib/queries/list-annotations";
import type { TAnnotateChange } from "@/lib/schemas/annotations";
import { formatEventTime } from "./events-view";

/** What the table shows of an event's annotations, recomputed after each change here. */
export type AnnotationSummary = { starred: boolean; isKey: boolean; tags: string[]; commentCount: number };

type StepOption = { id: string; title: string; stageKey: string };

// The chain's steps, fetched once per incident and shared by every panel on the page.
const stepCache = new Map<string, Promise<StepOption[]>>();

function loadSteps(incidentId: string): Promise<StepOption[]> {
  let p = stepCache.get(incidentId);
  if (!p) {
    p = fetch(`/api/incidents/${incidentId}/chain`)
      .then((r) => (r.ok ? r.json() : { steps: [] }))
      .then((c: { steps?: StepOption[] }) => (c.steps ?? []).map((s) => ({ id: s.id, title: s.title, stageKey: s.stageKey })));
    p.catch(() => stepCache.delete(incidentId));
    stepCache.set(incidentId, p);
  }
  return p;
}

/** The summary the events table shows, from an event's annotations. */
export function summarize(a: EventAnnotations): AnnotationSummary {
  const list = a.annotations;
  return {
    starred: list.some((x) => x.kind === "star"),
    isKey: list.some((x) => x.kind === "key_event"),
    tags: [...new Set(list.filter((x) => x.kind === "tag").map((x) => x.value))].sort(),
    commentCount: list.filter((x) => x.kind === "comment").length,
  };
}

const VERB = { tag: "tagged", star: "starred", comment: "commented", key_event: "marked as key event" } as const;

async function readError(r: Response): Promise<string> {
  const body = (await r.json().catch(() => null)) as { error?: string; issues?: { field: string; reason: string }[] } | null;
  return body?.issues?.map((i) => i.reason).join("; ") || body?.error || `request failed (${r.status})`;
}

/**
 * An event's annotations (who, when, what) and the analyst's tools for it: star, key event,
 * tags, attach to a chain step, comment. Everything from the log or from people is shown as text.
 */
export function AnnotationPanel({
  incidentId,
  eventId,
  autoFocusComment = false,
  onChange,
}: {
  incidentId: string;
  eventId: string;
  /** Put the cursor in the comment box on open (the row's comment button). */
  autoFocusComment?: boolean;
  /** Called after each change with the event's new summary. */
  onChange?(summary: AnnotationSummary): void;
}) {
  const [data, setData] = useState<EventAnnotations | null>(null);
  const [steps, setSteps] = useState<StepOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [tag, setTag] = useState("");
  const [comment, setComment] = useState("");
  const [stepId, setStepId] = useState("");
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const ids = { tag: useId(), comment: useId(), step: useId() };
  const base = `/api/incidents/${incidentId}/events`;

  const load = useCallback(async (): Promise<EventAnnotations | null> => {
    const r = await fetch(`${base}/${eventId}/annotations`, { cache: "no-store" });
    if (!r.ok) {
      setError(await readError(r));
      return null;
    }
    const next = (await r.json()) as EventAnnotations;
    setData(next);
    return next;
  }, [base, eventId]);

  useEffect(() => {
    setData(null);
    setError(null);
    load().catch((e: unknown) => setError(String(e)));
  }, [load]);
  useEffect(() => {
    loadSteps(incidentId)
      .then(setSteps)
      .catch(() => setSteps([]));
  }, [incidentId]);
  useEffect(() => {
    if (autoFocusComment) commentRef.current?.focus();
  }, [autoFocusComment]);

  const act = async (change: TAnnotateChange): Promise<boolean> => {
    setIsBusy(true);
    setError(null);
    try {
      const r = await fetch(`${base}/annotations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...change, eventIds: [eventId] }),
      });
      if (!r.ok) {
        setError(await readError(r));
        return false;
      }
      const next = await load();
      if (next) onChange?.(summarize(next));
      return true;
    } catch (e) {
      setError(String(e));
      return false;
    } finally {
      setIsBusy(false);
    }
  };

  const s = data ? summarize(data) : null;
  const attached = new Set(data?.chainSteps.map((c) => c.id));
  const button = "rounded border border-line bg-panel px-2 py-0.5 text-sm hover:border-accent disabled:opacity-50";
  return (
    <section aria-label={`Annotations of event ${eventId}`} className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          aria-pressed={s?.starred ?? false}
          disabled={!s || isBusy}
          onClick={() => act({ action: s?.starred ? "unstar" : "star" })}
          className={button}
        >
          <span aria-hidden className={s?.starred ? "text-amber-500" : "text-muted"}>
            {s?.starred ? "★" : "☆"}
          </span>{" "}
          {s?.starred ? "Starred" : "Star"}
        </button>
        <button
          type="button"
          aria-pressed={s?.isKey ?? false}
          disabled={!s || isBusy}
          onClick={() => act({ action: s?.isKey ? "unkey" : "key" })}
          className={button}
        >
          <span aria-hidden className={s?.isKey ? "text-accent" : "text-muted"}>
            ◆
          </span>{" "}
          {s?.isKey ? "Key event" : "Mark key event"}
        </button>
        <span className="text-muted">Tags:</span>
        {s?.tags.length ? null : <span className="text-muted">none</span>}
        {s?.tags.map((t) => (
          <span key={t} className="flex items-center gap-0.5 rounded bg-accent/10 px-1.5 text-xs leading-5">
            {t}
            <button
              type="button"
              aria-label={`Remove tag ${t}`}
              disabled={isBusy}
              onClick={() => act({ action: "untag", value: t })}
              className="text-muted hover:text-ink"
            >
              ×
            </button>
          </span>
        ))}
        <form
          className="flex items-center gap-1"
          onSubmit={async (e) => {
            e.preventDefault();
            if (tag.trim() && (await act({ action: "tag", value: tag.trim() }))) setTag("");
          }}
        >
          <label htmlFor={ids.tag} className="sr-only">
            New tag
          </label>
          <input
            id={ids.tag}
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            maxLength={64}
            placeholder="tag"
            className="w-28 rounded border border-line bg-panel px-1.5 py-0.5"
          />
          <button type="submit" disabled={isBusy || !tag.trim()} className={button}>
            Add tag
          </button>
        </form>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={ids.step} className="text-muted">
          Chain step
        </label>
        <select
          id={ids.step}
          value={stepId}
          onChange={(e) => setStepId(e.target.value)}
          className="max-w-80 rounded border border-line bg-panel px-1.5 py-0.5"
        >
          <option value="">{steps === null ? "Loading…" : steps.length ? "Choose a step…" : "No chain steps yet"}</option>
          {steps?.map((st) => (
            <option key={st.id} value={st.id} disabled={attached.has(st.id)}>
              {st.title} ({st.stageKey})
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={isBusy || !stepId}
          onClick={async () => {
            if (await act({ action: "attach", stepId })) setStepId("");
          }}
          className={button}
        >
          Attach as key evidence
        </button>
        {data?.chainSteps.map((c) => (
          <span key={c.id} className="flex items-center gap-1 rounded border border-line px-1.5 text-xs leading-5">
            <span className="max-w-64 truncate" title={c.title}>
              {c.title}
            </span>
            {c.isKey ? <span className="text-accent">key</span> : null}
            <button
              type="button"
              aria-label={`Detach from ${c.title}`}
              disabled={isBusy}
              onClick={() => act({ action: "detach", stepId: c.id })}
              className="text-muted hover:text-ink"
            >
              ×
            </button>
          </span>
        ))}
      </div>

      <form
        className="flex items-start gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          if (comment.trim() && (await act({ action: "comment", value: comment.trim() }))) setComment("");
        }}
      >
        <label htmlFor={ids.comment} className="sr-only">
          Comment
        </label>
        <textarea
          id={ids.comment}
          ref={commentRef}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
          }}
          rows={2}
          maxLength={8000}
          placeholder="Comment (Ctrl+Enter to add)"
          className="min-w-0 flex-1 resize-none rounded border border-line bg-panel px-2 py-1"
        />
        <button type="submit" disabled={isBusy || !comment.trim()} className={button}>
          Add comment
        </button>
      </form>

      {error ? (
        <p role="alert" className="text-danger">
          {error}
        </p>
      ) : null}
      {data === null && !error ? <p className="text-muted">Loading annotations…</p> : null}
      {data && data.annotations.length === 0 ? <p className="text-muted">No annotations yet.</p> : null}
      {data && data.annotations.length > 0 ? (
        <ol aria-label="Annotation history" className="space-y-1">
          {data.annotations.map((a) => (
            <li key={a.id} className="flex gap-2">
              <time dateTime={a.createdAt} title={`${a.createdAt} (UTC)`} className="mono shrink-0 text-xs leading-5 text-muted">
                {formatEventTime(a.createdAt).slice(0, 19)}
              </time>
              <span className="min-w-0">
                <span className="font-medium">{a.author.name}</span> <span className="text-muted">{VERB[a.kind]}</span>
                {a.kind === "tag" ? (
                  <>
                    {" "}
                    <span className="rounded bg-accent/10 px-1 text-xs">{a.value}</span>
                  </>
                ) : null}
                {a.kind === "comment" ? (
                  <>
                    {" "}
                    <span className="whitespace-pre-wrap break-words">{a.value}</span>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
