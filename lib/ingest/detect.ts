import type { Format, Sample } from "./formats/format";
import { FORMATS, formatByName } from "./formats/registry";

/** A format could not be chosen; the message says why and what to do. */
export class FormatError extends Error {
  override name = "FormatError";
}

/** Picks the format from content alone (highest score, then registry order), or the one forced. */
export function detectFormat(sample: Sample, forced?: string): Format {
  if (forced) {
    const f = formatByName(forced);
    if (!f) throw new FormatError(`unknown format "${forced}" (known: ${FORMATS.map((x) => x.name).join(", ")})`);
    return f;
  }
  let best: Format | undefined;
  let bestScore = 0;
  for (const f of FORMATS) {
    const score = f.detect(sample);
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  if (!best) {
    throw new FormatError(
      `${sample.fileName}: format not recognised from its first lines; name it with --format (${FORMATS.map((x) => x.name).join(", ")})`,
    );
  }
  return best;
}
