import { applyPatch, structuredPatch } from "diff";

/** Lines of unchanged text each hunk carries: what anchors it in a text whose lines have moved. */
const CONTEXT = 3;

/**
 * Three-way merge of two edits of one text: my changes since the text I started from (`base`),
 * applied to the text someone else saved meanwhile (`theirs`). Each of my hunks is placed by the
 * unchanged lines around it, not by its line number, so lines they added or removed elsewhere do
 * not shift my edit. Null when a hunk's surroundings changed too (edits on the same or
 * neighbouring lines): then the editor shows both for the writer to merge, and nothing is dropped.
 */
export function mergeEdits(base: string, mine: string, theirs: string): string | null {
  if (mine === base) return theirs;
  if (theirs === base || theirs === mine) return mine;
  const patch = structuredPatch("base", "mine", base, mine, undefined, undefined, { context: CONTEXT });
  const merged = applyPatch(theirs, patch, { fuzzFactor: 0 });
  return merged === false ? null : merged;
}
