import { FORMATS } from "@/lib/ingest/formats/registry";

/** The formats the importer reads, in detection-tie order, for the CLI and the formats page. */
export function listFormats() {
  return FORMATS.map(({ name, label, description, example }) => ({ name, label, description, example }));
}
