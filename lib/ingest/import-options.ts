import { z } from "zod";
import { ZTimeZone } from "@/lib/schemas/time-zone";
import { ZFieldMapping } from "./field-mapping";

/** How to read one file: the same shape from the CLI flags, the API and the upload form. */
export const ZImportOptions = z.object({
  /** Force a format instead of detecting it. */
  format: z.string().trim().min(1).optional(),
  /** Zone for timestamps that carry none. */
  zone: ZTimeZone,
  /** Time format: auto, iso, epoch, epoch-s/ms/us/ns, us, eu, syslog, or a strftime pattern. */
  timeFormat: z.string().trim().min(1).optional(),
  /** Year for timestamps written without one (syslog); inferred and reported when absent. */
  year: z.number().int().min(1900).max(2199).optional(),
  mapping: ZFieldMapping.default({}),
  /** Mask secrets before storage (default on); off only for analysts who must keep the value. */
  redact: z.boolean().default(true),
  /**
   * Read a file already imported again, with these options, and let the new reading replace the
   * earlier one (its events, and the analysts' work carried over record by record).
   */
  replace: z.boolean().default(false),
  /** Declared log retention of the system the file came from, in days. */
  retentionDays: z.number().int().positive().optional(),
});
export type TImportOptions = z.output<typeof ZImportOptions>;
export type TImportOptionsInput = z.input<typeof ZImportOptions>;
