"use client";

import { useEffect, useState } from "react";
import type { TimelineData } from "@/lib/queries/get-timeline-data";

/** What a fetch hook gives: the latest data that arrived, whether newer data is on its way, and the last error. */
export type FetchState = { data: TimelineData | null; isLoading: boolean; error: string | null };

/**
 * Loads /api/incidents/[id]/timeline?search after a short pause, cancelling the previous request
 * (AbortController) whenever the search changes again: a user zooming on fires one request at the end.
 * `initialSearch` names what `initial` already answers, so the server-rendered data is not fetched twice.
 */
export function useTimelineFetch(
  incidentId: string,
  search: string | null,
  initial: TimelineData | null,
  initialSearch: string | null,
  delayMs = 150,
): FetchState {
  const [state, setState] = useState<{ data: TimelineData | null; search: string | null; error: string | null }>({
    data: initial,
    search: initialSearch,
    error: null,
  });
  const isLoading = search !== null && search !== state.search;

  useEffect(() => {
    if (search === null || search === state.search) return;
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/incidents/${incidentId}/timeline?${search}`, { signal: ctrl.signal });
        if (!res.ok) {
          const body = (await res.json().catch(() => ({}))) as { error?: string; issues?: { field: string; reason: string }[] };
          if (ctrl.signal.aborted) return;
          const reason = body.issues?.map((i) => `${i.field}: ${i.reason}`).join("; ") || body.error || `HTTP ${res.status}`;
          setState((s) => ({ ...s, search, error: reason }));
          return;
        }
        // Reading the body can be cut short by the abort too: only a whole answer replaces the data.
        const body = (await res.json()) as TimelineData;
        if (ctrl.signal.aborted) return;
        if (!Array.isArray(body.lanes) || !Array.isArray(body.steps)) throw new Error("the server sent an unexpected answer");
        setState({ data: body, search, error: null });
      } catch (err) {
        if (!ctrl.signal.aborted) setState((s) => ({ ...s, search, error: (err as Error).message }));
      }
    }, delayMs);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [incidentId, search, state.search, delayMs]);

  return { data: state.data, isLoading, error: state.error };
}
