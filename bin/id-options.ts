import { isUuid } from "@/lib/access/is-uuid";

/** Options that name a row by id, and what they name (sources may be a comma-separated list). */
const ID_OPTIONS: Record<string, string> = {
  incident: "an incident id (a UUID, as `incident list` prints)",
  story: "a story id (a UUID, as `story list` prints)",
  source: "a source id (a UUID)",
};

/**
 * What is wrong with the id options given, in one line, or null: a value that is not an id at all
 * is a usage mistake (exit 2) and never reaches the database, whose own refusal would be noise.
 */
export function badIdOption(values: Record<string, unknown>): string | null {
  for (const [option, what] of Object.entries(ID_OPTIONS)) {
    const value = values[option];
    if (typeof value !== "string") continue;
    const bad = value.split(",").find((v) => !isUuid(v.trim()));
    if (bad !== undefined) return `--${option} "${bad}" is not ${what}`;
  }
  return null;
}
