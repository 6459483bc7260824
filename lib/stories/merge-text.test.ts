import { describe, expect, it } from "vitest";
import { mergeEdits } from "./merge-text";

const BASE = "## Summary\n\nOne.\n\n## Impact\n\nTwo.\n\n## Timeline\n\nThree.\n";

describe("mergeEdits", () => {
  it("keeps both writers' edits when they touch different lines", () => {
    const mine = BASE.replace("One.", "One, with my detail.");
    const theirs = BASE.replace("Three.", "Three, with theirs.");
    expect(mergeEdits(BASE, mine, theirs)).toBe(BASE.replace("One.", "One, with my detail.").replace("Three.", "Three, with theirs."));
  });

  it("refuses to guess when both changed the same line", () => {
    expect(mergeEdits(BASE, BASE.replace("Two.", "Two (mine)."), BASE.replace("Two.", "Two (theirs)."))).toBeNull();
  });

  it("takes the one side that changed", () => {
    const theirs = `${BASE}More.\n`;
    expect(mergeEdits(BASE, BASE, theirs)).toBe(theirs);
    expect(mergeEdits(BASE, theirs, BASE)).toBe(theirs);
  });

  it("keeps text both appended at the end (a citation added from the timeline while the story is open)", () => {
    const merged = mergeEdits(BASE, `${BASE}Mine.\n`, `${BASE}[[cite:x]]\n`) ?? "";
    expect(merged.startsWith(BASE)).toBe(true);
    expect(merged).toContain("Mine.\n");
    expect(merged).toContain("[[cite:x]]\n");
  });
});
