import { applyPatch, structuredPatch } from "diff";

/**
 * Three-way merge of two edits of one text: my changes since the text I started from (`base`),
 * applied to the text someone else saved meanwhile (`theirs`). Null when the edits touch the same
 * lines: then the editor shows both for the writer to merge by hand, and nothing is dropped.
 */
export function mergeEdits(base: string, mine: string, theirs: string): string | null {
  if (mine === base) return theirs;
  if (theirs === base || theirs === mine) return mine;
  // No context lines: a hunk then needs only the lines it changes to be unchanged in theirs.
  const patch = structuredPatch("base", "mine", base, mine, undefined, undefined, { context: 0 });
  const merged = applyPatch(theirs, patch, { fuzzFactor: 0 });
  return merged === false ? null : merged;
}
