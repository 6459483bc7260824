"use client";

import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import type { EditorView } from "@uiw/react-codemirror";

export type Cited = {
  citationId: string;
  token: string;
  kind: string;
  ref: string;
  frozen: Record<string, string | number | boolean | null>;
};
type Candidate = { kind: string; ref: string; label: string; detail: string };

async function getJson<T>(url: string): Promise<T | null> {
  const res = await fetch(url).catch(() => null);
  return res?.ok ? ((await res.json()) as T) : null;
}

/** What `[[` can cite besides events: the chain's steps, the gaps and the hypotheses (read once). */
async function fixedCandidates(incidentId: string): Promise<Candidate[]> {
  const base = `/api/incidents/${incidentId}`;
  const [chain, gaps, hyps] = await Promise.all([
    getJson<{ steps: { id: string; title: string; stageName: string; confidence: { label: string; score: number } }[] }>(`${base}/chain`),
    getJson<{ gaps: { id: string; scope: string; sourceName: string | null; startAt: string; endAt: string }[] }>(`${base}/gaps`),
    getJson<{ hypotheses: { id: string; title: string; status: string }[] }>(`${base}/hypotheses`),
  ]);
  return [
    ...(chain?.steps ?? []).map((s) => ({
      kind: "step",
      ref: s.id,
      label: s.title,
      detail: `step · ${s.stageName} · ${s.confidence.label} ${s.confidence.score}`,
    })),
    ...(gaps?.gaps ?? []).map((g) => ({
      kind: "gap",
      ref: g.id,
      label: `Gap: ${g.sourceName ?? g.scope}`,
      detail: `${g.startAt.slice(0, 10)} – ${g.endAt.slice(0, 10)}`,
    })),
    ...(hyps?.hypotheses ?? []).map((h) => ({ kind: "hypothesis", ref: h.id, label: h.title, detail: `hypothesis · ${h.status}` })),
  ];
}

/**
 * Completion for `[[`: type a few words and pick a chain step, gap, hypothesis or an event whose
 * message holds them; the pick is cited (frozen on the server) and replaced by its token.
 */
export function citeCompletion(incidentId: string, storyId: string, onCited: (c: Cited) => void) {
  let fixed: Promise<Candidate[]> | null = null;
  let pending = 0;
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const before = context.matchBefore(/\[\[[^\]\n]*$/);
    if (!before) return null;
    const typed = before.text.slice(2).trim().toLowerCase();
    fixed ??= fixedCandidates(incidentId);
    const [all, events] = await Promise.all([
      fixed,
      typed.length >= 2
        ? getJson<{ events: { id: string; occurredAt: string; message: string; sourceName?: string }[] }>(
            `/api/incidents/${incidentId}/events?limit=8&q=${encodeURIComponent(typed)}`,
          )
        : null,
    ]);
    const words = typed.split(/\s+/).filter(Boolean);
    const matches = all.filter((c) => words.every((w) => `${c.label} ${c.detail}`.toLowerCase().includes(w)));
    const eventOptions = (events?.events ?? []).map((e) => ({
      kind: "event",
      ref: String(e.id),
      label: e.message.slice(0, 80),
      detail: `event · ${e.occurredAt.slice(0, 19).replace("T", " ")}`,
    }));
    const options: Completion[] = [...matches.slice(0, 12), ...eventOptions].map((c) => ({
      label: c.label,
      detail: c.detail,
      type: c.kind === "event" ? "text" : "keyword",
      apply: (view: EditorView, _completion: Completion, from: number, to: number) => {
        void cite(view, from, to, c);
      },
    }));
    return { from: before.from, options, filter: false };
  };

  async function cite(view: EditorView, from: number, to: number, c: Candidate) {
    // A placeholder goes in at once, so typing on while the citation is made cannot move its place.
    const placeholder = `[[citing ${++pending}…]]`;
    view.dispatch({ changes: { from, to, insert: placeholder }, selection: { anchor: from + placeholder.length } });
    const res = await fetch(`/api/incidents/${incidentId}/stories/${storyId}/citations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: c.kind, ref: c.ref }),
    }).catch(() => null);
    const cited = res?.ok ? ((await res.json()) as Cited) : null;
    if (cited) onCited(cited);
    const at = view.state.doc.toString().indexOf(placeholder);
    if (at < 0) return; // the writer deleted it meanwhile
    view.dispatch({ changes: { from: at, to: at + placeholder.length, insert: cited ? cited.token : "" } });
  }
}
