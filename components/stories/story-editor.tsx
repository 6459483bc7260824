"use client";

import { autocompletion } from "@codemirror/autocomplete";
import { markdown } from "@codemirror/lang-markdown";
import CodeMirror, { EditorView } from "@uiw/react-codemirror";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ErrorLine } from "@/components/ui/error-line";
import { fetchJson } from "@/components/ui/send-json";
import { wordCount } from "@/lib/stories/story-markdown";
import type { ClientCitation } from "./citation-card";
import { type Cited, citeCompletion } from "./cite-completion";
import { MergeView } from "./merge-view";
import { SaveStatus } from "./save-status";
import { StoryPreview } from "./story-preview";
import { type SavedText, useAutosave } from "./use-autosave";

/**
 * The draft's editor: Markdown on the left (CodeMirror; `[[` cites), the story as readers will see
 * it on the right, saved as it is typed. Drafting from the evidence fills the template's sections.
 */
export function StoryEditor({
  incidentId,
  storyId,
  versionId,
  initial,
  citations,
  zone,
}: {
  incidentId: string;
  storyId: string;
  versionId: string;
  initial: SavedText;
  citations: ClientCitation[];
  zone: string;
}) {
  const router = useRouter();
  const base = `/api/incidents/${incidentId}/stories/${storyId}`;
  const draft = useAutosave(`${base}/versions/${versionId}`, initial);
  const [added, setAdded] = useState<ClientCitation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const extensions = useMemo(
    () => [
      // No HTML tag completion: raw HTML is inert in a story, so offering it only gets in the way.
      markdown({ completeHTMLTags: false }),
      EditorView.lineWrapping,
      autocompletion({
        override: [
          citeCompletion(incidentId, storyId, (c: Cited) =>
            setAdded((a) => [...a, { ...c, id: c.citationId, changes: [] } as ClientCitation]),
          ),
        ],
      }),
    ],
    [incidentId, storyId],
  );
  const all = [...citations, ...added.filter((a) => !citations.some((c) => c.id === a.id))];

  async function draftFromEvidence() {
    setBusy(true);
    setError(null);
    const r = await fetchJson<{ revision: number; body: string; filled: string[]; kept: string[] }>(
      `${base}/versions/${versionId}/draft`,
      "POST",
      { baseRevision: draft.baseRevision() },
    );
    setBusy(false);
    if ("error" in r) return setError(r.error);
    draft.reset({ revision: r.data.revision, title: draft.text.title, body: r.data.body });
    setNotice(
      `${r.data.filled.length ? `Drafted ${r.data.filled.join(", ")}.` : "Nothing drafted."}${r.data.kept.length ? ` Kept as written: ${r.data.kept.join(", ")} (empty a section to draft it again).` : ""}`,
    );
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex-1 text-sm">
          <span className="sr-only">Title</span>
          <input
            value={draft.text.title}
            onChange={(e) => draft.setTitle(e.target.value)}
            aria-label="Title"
            maxLength={300}
            className="w-full rounded border border-line bg-bg px-2 py-1 text-base font-semibold"
          />
        </label>
        {/* Drafting writes into the stored version: the text must be saved first. */}
        <button
          type="button"
          onClick={draftFromEvidence}
          disabled={busy || draft.state.kind !== "saved"}
          title={
            draft.state.kind !== "saved"
              ? "Wait until the text is saved"
              : "Fill the template's sections from the chain, gaps, hypotheses and sources"
          }
          className="rounded border border-line px-3 py-1 text-sm disabled:opacity-50"
        >
          {busy ? "Drafting…" : "Draft from the evidence"}
        </button>
        <SaveStatus state={draft.state} words={wordCount(draft.text.body)} />
      </div>
      <ErrorLine error={error} />
      {notice && (
        <p className="text-sm text-muted" role="status">
          {notice}
        </p>
      )}
      {draft.state.kind === "conflict" && (
        <MergeView
          theirs={draft.state.theirs}
          mine={draft.text.body}
          onKeepMine={() => draft.state.kind === "conflict" && draft.keepMine(draft.state.theirs)}
          onTakeTheirs={() => draft.state.kind === "conflict" && draft.takeTheirs(draft.state.theirs)}
        />
      )}
      <div className="grid gap-3 lg:grid-cols-2">
        <div className="min-w-0 rounded border border-line" data-testid="story-editor">
          <CodeMirror
            value={draft.text.body}
            onChange={draft.setBody}
            extensions={extensions}
            basicSetup={{ lineNumbers: false, foldGutter: false }}
            aria-label="Story text (Markdown)"
            minHeight="60vh"
            maxHeight="75vh"
          />
        </div>
        <section className="min-w-0 max-h-[75vh] overflow-auto rounded border border-line p-3" aria-label="Preview">
          <StoryPreview body={draft.text.body} citations={all} incidentId={incidentId} zone={zone} />
        </section>
      </div>
    </div>
  );
}
