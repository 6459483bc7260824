import { z } from "zod";
import { STAGE_SETS, type StageSetName } from "@/lib/chain/stages";
import { isTimeZone, ZTimeZone } from "./time-zone";

const stageSetNames = Object.keys(STAGE_SETS) as [StageSetName, ...StageSetName[]];

/** A new incident, as the form, the API and the CLI give it. */
export const ZCreateIncidentSchema = z.object({
  title: z.string().trim().min(1, "Title is required").max(200, "Title is at most 200 characters"),
  summary: z.string().trim().max(10_000, "Summary is at most 10,000 characters").default(""),
  timeZone: ZTimeZone,
  stageSet: z.enum(stageSetNames).default("generic"),
});

export type TCreateIncidentInput = z.input<typeof ZCreateIncidentSchema>;
export type TCreateIncident = z.output<typeof ZCreateIncidentSchema>;

/**
 * A change to an incident, as the settings page, the API and the CLI give it: any of the fields.
 * Dates are ISO 8601 instants with an offset, or a wall time ("2023-07-11T14:00") read in the
 * incident's time zone; null clears one.
 */
export const ZUpdateIncidentSchema = z
  .object({
    title: ZCreateIncidentSchema.shape.title.optional(),
    summary: z.string().trim().max(10_000, "Summary is at most 10,000 characters").optional(),
    timeZone: z.string().trim().refine(isTimeZone, "Not an IANA time zone (e.g. UTC, Europe/Berlin)").optional(),
    status: z.enum(["open", "contained", "closed"]).optional(),
    containedAt: z.string().trim().min(1).nullable().optional(),
    closedAt: z.string().trim().min(1).nullable().optional(),
  })
  .strict()
  .refine((o) => Object.keys(o).length > 0, "Name at least one field to change");

export type TUpdateIncidentInput = z.input<typeof ZUpdateIncidentSchema>;

/** Deleting an incident: its title typed again, exactly, so the wrong one is not deleted by a slip. */
export const ZDeleteIncidentSchema = z.object({ confirm: z.string() });
