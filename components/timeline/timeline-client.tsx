"use client";

import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { CiteInStory } from "@/components/stories/cite-in-story";
import { PopoverButton } from "@/components/ui/popover-button";
import type { TimelineData } from "@/lib/queries/get-timeline-data";
import { binLabel } from "@/lib/timeline/bin-width";
import { LANE_MODE_LABEL } from "@/lib/timeline/lanes";
import { formatWindow, parseIsoMicros } from "@/lib/timeline/time-format";
import { apiSearch, type TimelineFilterState, type TimelineViewState, viewToSearch } from "@/lib/timeline/view-state";
import { clampWindow, homeWindow, panWindow, roundWindow, type ViewWindow, zoomWindow } from "@/lib/timeline/view-window";
import { ChainStepList } from "./chain-step-list";
import { downloadTimelinePng, downloadTimelineSvg } from "./download-figure";
import { EventDrawer } from "./event-drawer";
import { timelineFigureSvg } from "./figure-svg";
import { MainView } from "./main-view";
import { OverviewStrip } from "./overview-strip";
import { requestWidth } from "./timeline-constants";
import { TimelineFilters } from "./timeline-filters";
import { TimelineLegend } from "./timeline-legend";
import { TimelineToolbar } from "./timeline-toolbar";
import { useElementWidth } from "./use-element-width";
import { useTimelineFetch } from "./use-timeline-fetch";

type Props = {
  incidentId: string;
  incidentTitle: string;
  initialView: TimelineViewState;
  /** The box width the server guessed when it loaded the initial data. */
  initialBoxWidth: number;
  initialMain: TimelineData | null;
  initialOverview: TimelineData | null;
  /** The reader may cite in stories: the drawer offers "Cite in story…". */
  canCite: boolean;
};

const nf = new Intl.NumberFormat("en-US");

/**
 * The timeline page's state: the view lives here and in the URL (replaceState, so a link
 * reproduces it); the main window and the overview are fetched separately, debounced and cancelled.
 */
export function TimelineClient(props: Props) {
  const { incidentId } = props;
  const [view, setView] = useState(props.initialView);
  const windowRef = useRef(view.window);
  const measureRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLDivElement>(null);
  const helpId = useId();
  // The drawn timeline (lanes, marks, axis, chain): what figures and image downloads are made of.
  const figureBox = () => mainRef.current?.querySelector<HTMLElement>("[role=application]") ?? null;
  const width = useElementWidth(measureRef, props.initialBoxWidth);
  const reqWidth = requestWidth(width);
  const initialReqWidth = requestWidth(props.initialBoxWidth);

  const mainSearch = apiSearch({ window: roundWindow(view.window), lanes: view.lanes, filters: view.filters, width: reqWidth });
  const initialMainSearch = apiSearch({
    window: roundWindow(props.initialView.window),
    lanes: props.initialView.lanes,
    filters: props.initialView.filters,
    width: initialReqWidth,
  });
  const main = useTimelineFetch(incidentId, mainSearch, props.initialMain, initialMainSearch);
  const overviewSearch = apiSearch({ lanes: view.lanes, filters: view.filters, width: reqWidth, limit: 0 });
  const initialOverviewSearch = apiSearch({
    lanes: props.initialView.lanes,
    filters: props.initialView.filters,
    width: initialReqWidth,
    limit: 0,
  });
  const overview = useTimelineFetch(incidentId, overviewSearch, props.initialOverview, initialOverviewSearch, 250);

  const extentIso = main.data?.extent ?? overview.data?.extent ?? null;
  const [extentFrom, extentTo] = [extentIso?.from, extentIso?.to];
  const extent = useMemo(
    () => (extentFrom && extentTo ? { from: parseIsoMicros(extentFrom), to: parseIsoMicros(extentTo) } : null),
    [extentFrom, extentTo],
  );

  const setWindow = useCallback(
    (w: ViewWindow) => {
      const next = clampWindow(w, extent);
      windowRef.current = next;
      setView((v) => ({ ...v, window: next }));
    },
    [extent],
  );
  const getWindow = useCallback(() => windowRef.current, []);
  const zoom = useCallback((factor: number) => setWindow(zoomWindow(windowRef.current, factor)), [setWindow]);
  const pan = useCallback(
    (fraction: number) => {
      const w = windowRef.current;
      setWindow(panWindow(w, (w.to - w.from) * fraction));
    },
    [setWindow],
  );
  const home = useCallback(() => setWindow(homeWindow(extent)), [setWindow, extent]);

  // The address bar follows the view (no history entry per zoom step; no server round trip).
  useEffect(() => {
    const t = setTimeout(() => window.history.replaceState(null, "", `?${viewToSearch(view)}`), 200);
    return () => clearTimeout(t);
  }, [view]);

  // Opening details by pointer moves focus into the drawer; stepping with N/P keeps it on the timeline.
  const [isDrawerFocused, setIsDrawerFocused] = useState(true);
  const onSelectEvent = useCallback((id: string | undefined) => {
    setIsDrawerFocused(true);
    setView((v) => ({ ...v, event: id }));
  }, []);
  const onFilters = useCallback((filters: TimelineFilterState) => setView((v) => ({ ...v, filters })), []);

  const data = main.data;
  const events = data?.kind === "events" ? data.events : null;
  const step = useCallback(
    (dir: 1 | -1) => {
      if (!events?.length) return;
      const w = windowRef.current;
      const at = events.findIndex((e) => e.id === view.event);
      let i: number;
      if (at >= 0) i = Math.min(events.length - 1, Math.max(0, at + dir));
      else {
        const mid = (w.from + w.to) / 2;
        i = events.findIndex((e) => parseIsoMicros(e.occurredAt) >= mid);
        if (i < 0) i = events.length - 1;
      }
      const e = events[i];
      if (!e) return;
      const t = parseIsoMicros(e.occurredAt);
      if (t < w.from || t >= w.to) setWindow(panWindow(w, t - (w.from + w.to) / 2));
      setIsDrawerFocused(false);
      setView((v) => ({ ...v, event: e.id }));
    },
    [events, view.event, setWindow],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const handled = (() => {
      switch (e.key) {
        case "ArrowLeft":
          pan(e.shiftKey ? -0.6 : -0.2);
          return true;
        case "ArrowRight":
          pan(e.shiftKey ? 0.6 : 0.2);
          return true;
        case "+":
        case "=":
          zoom(0.5);
          return true;
        case "-":
        case "_":
          zoom(2);
          return true;
        case "Home":
          home();
          return true;
        case "n":
        case "]":
          step(1);
          return true;
        case "p":
        case "[":
          step(-1);
          return true;
        case "Escape":
          if (!view.event) return false;
          onSelectEvent(undefined);
          return true;
        default:
          return false;
      }
    })();
    if (handled) e.preventDefault();
  };

  const closeDrawer = useCallback(() => {
    onSelectEvent(undefined);
    mainRef.current?.querySelector<HTMLElement>("[role=application]")?.focus();
  }, [onSelectEvent]);

  const sourceName = useCallback((id: string | null) => data?.sources.find((s) => s.id === id)?.name, [data?.sources]);
  const windowText = formatWindow(view.window.from, view.window.to);
  const status = main.error
    ? `Could not load: ${main.error}`
    : !data
      ? "Loading…"
      : data.kind === "events"
        ? `${nf.format(data.total)} event${data.total === 1 ? "" : "s"} in view`
        : `${nf.format(data.total)} events in view, counted in bins of ${binLabel(data.binMs)}`;

  return (
    <div className="space-y-3">
      <TimelineToolbar
        lanes={view.lanes}
        isCompressed={view.compress}
        onLanes={(lanes) => setView((v) => ({ ...v, lanes }))}
        onZoom={zoom}
        onPan={pan}
        onHome={home}
        onCompress={(compress) => setView((v) => ({ ...v, compress }))}
      />
      <TimelineFilters filters={view.filters} data={data ?? overview.data} onChange={onFilters} />
      <section aria-label="Overview of the whole incident" className="rounded border border-line bg-panel py-2">
        <OverviewStrip
          data={overview.data}
          window={view.window}
          width={width}
          isLoading={overview.isLoading}
          onWindow={(w) => setWindow(w)}
        />
      </section>
      <section aria-label="Timeline" className="rounded border border-line bg-panel" ref={mainRef}>
        <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-3 py-1.5 text-xs">
          <p className="mono text-ink">{windowText}</p>
          <div className="flex items-center gap-3">
            <p aria-live="polite" className={main.error ? "text-danger" : "text-muted"}>
              {status}
              {main.isLoading && data ? " · updating…" : ""}
            </p>
            <PopoverButton label="Image" align="right">
              <ul className="space-y-1 text-sm">
                <li>
                  <button
                    type="button"
                    className="text-accent underline"
                    onClick={() => figureBox() && downloadTimelineSvg(figureBox() as HTMLElement, "timeline.svg")}
                  >
                    SVG (as shown)
                  </button>
                </li>
                <li>
                  <button
                    type="button"
                    className="text-accent underline"
                    onClick={() => figureBox() && void downloadTimelinePng(figureBox() as HTMLElement, "timeline.png")}
                  >
                    PNG (as shown)
                  </button>
                </li>
              </ul>
            </PopoverButton>
            {props.canCite ? (
              <CiteInStory
                incidentId={incidentId}
                kind="figure"
                refId={viewToSearch(view)}
                align="right"
                defaultCaption={`The timeline, ${windowText}, lanes by ${LANE_MODE_LABEL[view.lanes].toLowerCase()}`}
                extra={() => {
                  const box = figureBox();
                  return box ? { svg: timelineFigureSvg(box).svg } : null;
                }}
              />
            ) : null}
          </div>
        </div>
        <div ref={measureRef}>
          <MainView
            incidentId={incidentId}
            data={data}
            window={view.window}
            width={width}
            isCompressed={view.compress}
            isLoading={main.isLoading}
            selectedEventId={view.event}
            ariaLabel={`Timeline of ${props.incidentTitle}, lanes by ${LANE_MODE_LABEL[view.lanes].toLowerCase()}, ${windowText}`}
            helpId={helpId}
            getWindow={getWindow}
            onWindow={setWindow}
            onSelectEvent={onSelectEvent}
            onKeyDown={onKeyDown}
          />
        </div>
      </section>
      <TimelineLegend helpId={helpId} />
      <ChainStepList steps={data?.steps ?? []} links={data?.links ?? []} gaps={data?.gaps ?? []} sourceName={sourceName} />
      {view.event ? (
        <EventDrawer
          incidentId={incidentId}
          eventId={view.event}
          shouldFocus={isDrawerFocused}
          canCite={props.canCite}
          onClose={closeDrawer}
          onFilterEntity={(entity) => onFilters({ ...view.filters, entity })}
        />
      ) : null}
    </div>
  );
}
