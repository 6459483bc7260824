// The Events view's shapes: which events to list (filters, sort, page) and what an analyst does
// to them (tag, star, comment, mark key, attach to a chain step, set the stage).
import { z } from "zod";
import { queryList, SEVERITIES, type SeverityLevel, ZIsoInstant } from "./timeline";

/** "1"/"true" in a query string, or a real boolean. */
const queryFlag = z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean());

/** A tag as analysts type it: 1–64 characters, no line breaks. */
export const ZTagName = z
  .string({ error: "give the tag as text" })
  .trim()
  .min(1, "a tag cannot be empty")
  .max(64, "a tag has at most 64 characters")
  .regex(/^[^\p{Cc}]+$/u, "a tag cannot hold control characters");

/** The columns the events list can be sorted by. */
export const EVENT_SORTS = ["time", "severity", "source", "action"] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

/** Which events the Events view lists, shared by the page's URL, the API and the query. */
export const ZEventFilters = z.object({
  /** Stage keys; "untagged" selects events with no stage. */
  stage: queryList(z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, "Not a stage key")),
  source: queryList(z.uuid()),
  /** Events that involve this entity (event_entities). */
  entity: z.uuid().optional(),
  /** Full text over the message (web-search syntax: words, "phrases", -not, or). */
  q: z.string().trim().max(200).optional(),
  severity: queryList(z.enum(SEVERITIES)),
  /** The window [from, to). */
  from: ZIsoInstant.optional(),
  to: ZIsoInstant.optional(),
  /** Only starred events. */
  starred: queryFlag.default(false),
  /** Only events with this tag. */
  tag: ZTagName.optional(),
});

/** GET /api/incidents/[id]/events query parameters. */
export const ZEventListQuery = ZEventFilters.extend({
  sort: z.enum(EVENT_SORTS).default("time"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  /** The previous page's `nextCursor` (opaque). */
  cursor: z
    .string()
    .max(2_000)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a cursor from this API")
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
}).refine((v) => !v.from || !v.to || Date.parse(v.from) < Date.parse(v.to), { message: "from must be before to", path: ["to"] });

export type TEventFilters = z.output<typeof ZEventFilters>;
export type TEventListQuery = z.output<typeof ZEventListQuery>;
/** What callers may pass: lists as arrays or "a,b" text, flags as booleans or "1"; everything optional. */
export type TEventListQueryInput = {
  stage?: string[] | string;
  source?: string[] | string;
  entity?: string;
  q?: string;
  severity?: SeverityLevel[] | string;
  from?: string;
  to?: string;
  starred?: boolean | string;
  tag?: string;
  sort?: EventSort;
  dir?: "asc" | "desc";
  cursor?: string;
  limit?: number | string;
};

/** What can be done to events; `unkey` and `detach` undo `key` and `attach`. */
export const ANNOTATE_ACTIONS = ["tag", "untag", "star", "unstar", "comment", "key", "unkey", "attach", "detach", "stage"] as const;
export type AnnotateAction = (typeof ANNOTATE_ACTIONS)[number];

/** The events an annotation applies to (ids as strings or numbers). */
const ZEventIds = z.array(z.coerce.bigint().positive()).min(1, "name at least one event").max(10_000, "at most 10,000 events at once");

/** POST /api/incidents/[id]/events/annotations: one change to one or many events. */
export const ZAnnotateEvents = z.discriminatedUnion("action", [
  z.object({ action: z.literal(["tag", "untag"]), eventIds: ZEventIds, value: ZTagName }),
  z.object({ action: z.literal(["star", "unstar", "key", "unkey"]), eventIds: ZEventIds }),
  z.object({
    action: z.literal("comment"),
    eventIds: ZEventIds,
    value: z
      .string({ error: "give the comment as text" })
      .trim()
      .min(1, "a comment cannot be empty")
      .max(8_000, "a comment has at most 8,000 characters"),
  }),
  z.object({ action: z.literal(["attach", "detach"]), eventIds: ZEventIds, stepId: z.uuid("stepId must be a chain step id") }),
  z.object({
    action: z.literal("stage"),
    eventIds: ZEventIds,
    /** A stage key of the incident, or null to clear the stage (and let the rules tag it again). */
    stageKey: z.string().nullable(),
  }),
]);
export type TAnnotateEvents = z.input<typeof ZAnnotateEvents>;
/** One change without its events (what a form or button asks for). */
export type TAnnotateChange = TAnnotateEvents extends infer T ? (T extends unknown ? Omit<T, "eventIds"> : never) : never;
