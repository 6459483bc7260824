import { z } from "zod";

/** A stage key: lower-case words joined by hyphens, as rules name stages ("key-acquisition"). */
export const ZStageKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case letters, digits and hyphens, e.g. key-acquisition")
  .max(60);

export const ZAddStage = z.object({
  key: ZStageKey,
  name: z.string().trim().min(1, "give the stage a name").max(120),
  description: z.string().trim().max(500).default(""),
  attackTactic: z
    .string()
    .trim()
    .regex(/^TA\d{4}$/, "an ATT&CK tactic id, e.g. TA0006")
    .nullable()
    .default(null),
  /** 0-based place in the chain; absent: last. */
  position: z.number().int().min(0).optional(),
});
export type TAddStage = z.input<typeof ZAddStage>;

export const ZRenameStage = z.object({
  name: z.string().trim().min(1, "give the stage a name").max(120),
  description: z.string().trim().max(500).optional(),
});
export type TRenameStage = z.input<typeof ZRenameStage>;

/** Every stage key of the incident, in the new order. */
export const ZReorderStages = z.object({ keys: z.array(ZStageKey).min(1).max(100) });
export type TReorderStages = z.input<typeof ZReorderStages>;
