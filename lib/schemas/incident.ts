import { z } from "zod";
import { STAGE_SETS, type StageSetName } from "@/lib/chain/stages";
import { ZTimeZone } from "./time-zone";

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
