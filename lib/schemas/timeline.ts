import { z } from "zod";
import { LANE_MODES, type LaneMode } from "@/lib/timeline/lanes";

export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type SeverityLevel = (typeof SEVERITIES)[number];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant as ISO 8601 with a zone (up to microseconds), e.g. 2021-04-20T07:42:13.485321Z. */
export const ZIsoInstant = z
  .string()
  .trim()
  .regex(ISO_INSTANT, "Not an ISO 8601 instant with a zone (e.g. 2021-04-20T07:42:13Z)")
  .refine((s) => Number.isFinite(Date.parse(s)), "Not a valid date");

/** A comma-separated list in a query string ("a,b") as an array; empty → []. */
export function queryList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) =>
      v === undefined || v === null
        ? []
        : (Array.isArray(v) ? v : [v]).flatMap((x) =>
            String(x)
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          ),
    z.array(item).max(50),
  );
}

/** Which events the timeline shows, shared by the page's URL, the API and the query. */
export const ZTimelineFilters = z.object({
  /** Stage keys; "untagged" selects events with no stage. */
  stage: queryList(z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, "Not a stage key")),
  source: queryList(z.uuid()),
  entity: z.uuid().optional(),
  /** Full text over the message (web-search syntax: words, "phrases", -not, or). */
  q: z.string().trim().max(200).optional(),
  severity: queryList(z.enum(SEVERITIES)),
});

/** GET /api/incidents/[id]/timeline query parameters. */
export const ZTimelineQuery = ZTimelineFilters.extend({
  /** The window [from, to); both absent: the whole incident. */
  from: ZIsoInstant.optional(),
  to: ZIsoInstant.optional(),
  /** The drawing's width in pixels: sets the bin width. */
  width: z.coerce.number().int().min(50).max(8_000).default(1_000),
  lanes: z.enum(LANE_MODES).default("stage"),
  /** Raw events when the window holds at most this many, else bins; 0 always bins. */
  limit: z.coerce.number().int().min(0).max(5_000).default(5_000),
}).refine((v) => !v.from || !v.to || Date.parse(v.from) < Date.parse(v.to), { message: "from must be before to", path: ["to"] });

export type TTimelineFilters = z.output<typeof ZTimelineFilters>;
export type TTimelineQuery = z.output<typeof ZTimelineQuery>;
/** What callers may pass (lists as arrays or comma-separated text; everything optional). */
export type TTimelineQueryInput = {
  from?: string;
  to?: string;
  width?: number | string;
  lanes?: LaneMode;
  limit?: number | string;
  stage?: string | readonly string[];
  source?: string | readonly string[];
  entity?: string;
  q?: string;
  severity?: string | readonly string[];
};

/** The page's view state in its URL: the query plus what only the page needs. */
export const ZTimelineView = ZTimelineQuery.safeExtend({
  /** The event whose details are open. */
  event: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  /** Fold long quiet stretches of the axis. */
  compress: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).default(false),
});

export type TTimelineView = z.output<typeof ZTimelineView>;

/** URLSearchParams (or Next's searchParams object) as a plain record, last value winning. */
export function searchParamsRecord(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) out[k] = v;
  } else {
    for (const [k, v] of Object.entries(params)) {
      const last = Array.isArray(v) ? v[v.length - 1] : v;
      if (last !== undefined) out[k] = last;
    }
  }
  return out;
}

/**
 * The page's view from its URL, forgiving: a parameter that does not parse is dropped (the
 * default applies) instead of failing the page, so an old or hand-edited link still opens.
 */
export function parseTimelineView(params: Record<string, string>): TTimelineView {
  const record: Record<string, string> = { ...params };
  for (let attempt = 0; attempt < 12; attempt++) {
    const r = ZTimelineView.safeParse(record);
    if (r.success) return r.data;
    const bad = new Set(r.error.issues.map((i) => String(i.path[0] ?? "")));
    if (bad.has("to") || bad.has("")) {
      delete record.from;
      delete record.to;
    }
    for (const k of bad) delete record[k];
  }
  return ZTimelineView.parse({});
}
