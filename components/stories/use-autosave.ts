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

/** Every open draft's "save now": a review step or leaving the page waits for them first. */
const flushers = new Set<() => Promise<boolean>>();

/** Saves every open draft now; false when one could not be saved (a conflict or an error is on screen). */
export async function flushDrafts(): Promise<boolean> {
  const results = await Promise.all([...flushers].map((f) => f()));
  return results.every(Boolean);
}

const same = (a: { title: string; body: string }, b: { title: string; body: string }) => a.title === b.title && a.body === b.body;

/**
 * A draft's text saved as it is typed, with the revision it was based on: when someone else saved
 * in between, the server refuses (409 with their text); edits on different lines are merged here
 * (with whatever was typed while the save was on its way) and saved, edits of the same lines stop
 * autosave and ask the writer. A refused save (the version left draft, a title emptied) is not
 * retried until the text changes, and says why. Nothing is dropped silently.
 */
export function useAutosave(url: string, initial: SavedText) {
  const [text, setText] = useState({ title: initial.title, body: initial.body });
  const [state, setState] = useState<SaveState>({ kind: "saved" });
  const base = useRef<SavedText>(initial);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const latest = useRef(text);
  latest.current = text;
  const stateRef = useRef(state);
  stateRef.current = state;
  // The text a refused save held: autosave waits until the writer changes it.
  const refused = useRef<{ title: string; body: string } | null>(null);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const mine = latest.current;
    if (same(mine, base.current)) return true;
    setState({ kind: "saving" });
    try {
      const res = await fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ baseRevision: base.current.revision, title: mine.title, body: mine.body }),
        keepalive: true,
      });
      const j = await res.json().catch(() => ({}));
      if (res.ok) {
        base.current = { revision: j.revision, ...mine };
        setState({ kind: same(latest.current, mine) ? "saved" : "unsaved" });
        return true;
      }
      if (res.status === 409 && j.current) {
        const theirs = j.current as Theirs;
        // Merge what is on screen now, not only what was sent: keystrokes made meanwhile count too.
        const now = latest.current;
        const merged = mergeEdits(base.current.body, now.body, theirs.body);
        if (merged === null) {
          setState({ kind: "conflict", theirs });
          return false;
        }
        // A title I did not change takes theirs.
        const title = now.title === base.current.title ? theirs.title : now.title;
        base.current = { revision: theirs.revision, title: theirs.title, body: theirs.body };
        setText({ title, body: merged });
        setState({ kind: "merged", with: theirs.updatedBy ?? "someone" });
        return true;
      }
      refused.current = mine;
      setState({ kind: "error", message: j.error ?? `could not save (${res.status})` });
      return false;
    } catch {
      refused.current = mine;
      setState({ kind: "error", message: "could not reach the server: your text is kept here, not saved" });
      return false;
    }
  }, [url]);

  // One save at a time; a save asked for meanwhile runs after it, with the text as it is then.
  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const run = saveOnce();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [saveOnce]);

  // Each change restarts the timer; a conflict waits for the writer, a refused text for a change.
  useEffect(() => {
    if (state.kind === "conflict" || state.kind === "saving") return;
    if (same(text, base.current)) return;
    if (state.kind === "error" && refused.current && same(text, refused.current)) return;
    refused.current = null;
    // "Merged with …" stays on screen until the merged text is saved.
    if (state.kind !== "unsaved" && state.kind !== "merged") setState({ kind: "unsaved" });
    const t = setTimeout(() => void save(), DELAY_MS);
    return () => clearTimeout(t);
  }, [text, save, state.kind]);

  // Review steps and leaving the page save first; a browser asked to leave with unsaved text warns.
  useEffect(() => {
    const flush = async () => (stateRef.current.kind === "conflict" ? false : save());
    flushers.add(flush);
    const onHide = () => void flush();
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!same(latest.current, base.current)) e.preventDefault();
    };
    window.addEventListener("pagehide", onHide);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      flushers.delete(flush);
      window.removeEventListener("pagehide", onHide);
      window.removeEventListener("beforeunload", onBeforeUnload);
      // Leaving the editor (another page of the app) saves what was typed since the last save.
      if (!same(latest.current, base.current) && stateRef.current.kind !== "conflict") void saveOnce();
    };
  }, [save, saveOnce]);

  return {
    text,
    state,
    setBody: (body: string) => setText((t) => ({ ...t, body })),
    setTitle: (title: string) => setText((t) => ({ ...t, title })),
    /** The revision the text on screen was last saved as (or read at). */
    baseRevision: () => base.current.revision,
    /** After the server rewrote the text (drafted from the evidence): start from it. */
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
