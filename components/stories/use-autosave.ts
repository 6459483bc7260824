"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { mergeEdits } from "@/lib/stories/merge-text";

export type SavedText = { revision: number; title: string; body: string };
export type Theirs = SavedText & { updatedBy: string | null };
export type SaveState =
  | { kind: "saved" | "saving" | "unsaved" }
  | { kind: "merged"; with: string }
  | { kind: "conflict"; theirs: Theirs }
  | { kind: "error"; message: string };

const DELAY_MS = 1200;

/**
 * A draft's text saved as it is typed, with the revision it was based on: when someone else saved
 * in between, the server refuses (409 with their text); edits on different lines are merged here
 * and saved, edits of the same lines stop autosave and ask the writer (nothing is dropped silently).
 */
export function useAutosave(url: string, initial: SavedText) {
  const [text, setText] = useState({ title: initial.title, body: initial.body });
  const [state, setState] = useState<SaveState>({ kind: "saved" });
  const base = useRef<SavedText>(initial);
  const inFlight = useRef(false);
  const latest = useRef(text);
  latest.current = text;

  const save = useCallback(async () => {
    if (inFlight.current) return;
    const mine = latest.current;
    if (mine.body === base.current.body && mine.title === base.current.title) return;
    inFlight.current = true;
    setState({ kind: "saving" });
    try {
      const res = await fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ baseRevision: base.current.revision, title: mine.title, body: mine.body }),
      });
      const j = await res.json().catch(() => ({}));
      if (res.ok) {
        base.current = { revision: j.revision, ...mine };
        const same = latest.current.body === mine.body && latest.current.title === mine.title;
        setState({ kind: same ? "saved" : "unsaved" });
      } else if (res.status === 409 && j.current) {
        const theirs = j.current as Theirs;
        const merged = mergeEdits(base.current.body, mine.body, theirs.body);
        const title = mine.title === base.current.title ? theirs.title : mine.title;
        if (merged === null) setState({ kind: "conflict", theirs });
        else {
          base.current = { revision: theirs.revision, title: theirs.title, body: theirs.body };
          setText({ title, body: merged });
          setState({ kind: "merged", with: theirs.updatedBy ?? "someone" });
        }
      } else setState({ kind: "error", message: j.error ?? `could not save (${res.status})` });
    } catch {
      setState({ kind: "error", message: "could not reach the server: your text is kept here, not saved" });
    } finally {
      inFlight.current = false;
    }
  }, [url]);

  // Each change restarts the timer; a conflict waits for the writer to choose.
  useEffect(() => {
    if (state.kind === "conflict") return;
    if (text.body === base.current.body && text.title === base.current.title) return;
    if (state.kind !== "saving") setState({ kind: "unsaved" });
    const t = setTimeout(save, DELAY_MS);
    return () => clearTimeout(t);
  }, [text, save, state.kind]);

  return {
    text,
    state,
    setBody: (body: string) => setText((t) => ({ ...t, body })),
    setTitle: (title: string) => setText((t) => ({ ...t, title })),
    /** The revision the text on screen was last saved as (or read at). */
    baseRevision: () => base.current.revision,
    /** After the server rewrote the text (drafted from the evidence, a citation appended): start from it. */
    reset: (saved: SavedText) => {
      base.current = saved;
      setText({ title: saved.title, body: saved.body });
      setState({ kind: "saved" });
    },
    /** Resolve a conflict: keep my text over theirs (theirs was shown), or take theirs. */
    keepMine: (theirs: Theirs) => {
      base.current = theirs;
      setState({ kind: "unsaved" });
    },
    takeTheirs: (theirs: Theirs) => {
      base.current = theirs;
      setText({ title: theirs.title, body: theirs.body });
      setState({ kind: "saved" });
    },
  };
}
