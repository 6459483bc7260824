import type { Ctx } from "@/lib/context/ctx";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { fileSlug } from "../file-slug";
import { EVENT_FORMATS, type EventFormat, eventWriter } from "./event-formats";
import { exportRows } from "./export-rows";

export function eventFormat(raw: string | null | undefined): EventFormat {
  const f = (raw ?? "csv").toLowerCase();
  if (!(EVENT_FORMATS as readonly string[]).includes(f))
    throw new InvalidRequestError(`format: "${f.slice(0, 30)}" is not one of ${EVENT_FORMATS.join(", ")}`);
  return f as EventFormat;
}

/**
 * An events export as text chunks, one per batch of rows (the header first): what the API streams
 * to the browser and the CLI writes to a file, in constant memory whatever the incident's size.
 * `onRows` hears how many rows each chunk held (for progress).
 */
export async function* eventChunks(
  ctx: Ctx,
  incidentId: string,
  format: EventFormat,
  filters: unknown,
  onRows?: (n: number) => void,
): AsyncGenerator<string> {
  const w = eventWriter(format);
  if (w.header) yield w.header;
  for await (const rows of exportRows(ctx, incidentId, filters)) {
    let chunk = "";
    for (const r of rows) chunk += w.row(r);
    onRows?.(rows.length);
    yield chunk;
  }
}

/** The file name and type a download of this export gets. */
export function eventFileInfo(format: EventFormat, incidentTitle: string): { filename: string; contentType: string } {
  const w = eventWriter(format);
  const base = fileSlug(incidentTitle);
  return { filename: `${base}-events${format.startsWith("timesketch") ? "-timesketch" : ""}.${w.ext}`, contentType: w.contentType };
}
