import { describe, expect, it } from "vitest";
import { mergeEdits } from "./merge-text";

const BASE = "## Summary\n\nOne.\n\n## Impact\n\nTwo.\n\n## Timeline\n\nThree.\n";
const L = "L1\nL2\nL3\nL4\nL5\nL6\nL7\nL8\nL9\nL10\nL11\nL12\n";

describe("mergeEdits", () => {
  it("keeps both writers' edits when they touch different lines", () => {
    const mine = BASE.replace("One.", "One, with my detail.");
    const theirs = BASE.replace("Three.", "Three, with theirs.");
    expect(mergeEdits(BASE, mine, theirs)).toBe(BASE.replace("One.", "One, with my detail.").replace("Three.", "Three, with theirs."));
  });

  it("puts my edit where its surroundings are, however many lines they added or removed above it", () => {
    const mine = L.replace("L8\n", "L8\nX\n");
    expect(mergeEdits(L, mine, `A\nB\nC\n${L}`)).toBe(`A\nB\nC\n${mine}`);
    expect(mergeEdits(L, mine, L.replace("L2\nL3\n", ""))).toBe(mine.replace("L2\nL3\n", ""));
    // Their intro and my deletion of one line: the line I deleted goes, not another.
    expect(mergeEdits(L, L.replace("L9\n", ""), `Intro\n${L}`)).toBe(`Intro\n${L.replace("L9\n", "")}`);
  });

  it("refuses to guess when both changed the same line or its neighbours", () => {
    expect(mergeEdits(BASE, BASE.replace("Two.", "Two (mine)."), BASE.replace("Two.", "Two (theirs)."))).toBeNull();
    expect(mergeEdits(L, L.replace("L6\n", "L6 mine\n"), L.replace("L7\n", "L7 theirs\n"))).toBeNull();
  });

  it("takes the one side that changed", () => {
    const theirs = `${BASE}More.\n`;
    expect(mergeEdits(BASE, BASE, theirs)).toBe(theirs);
    expect(mergeEdits(BASE, theirs, BASE)).toBe(theirs);
  });

  it("keeps my edit higher up when a citation was added at the end meanwhile (Cite in story… while the story is open)", () => {
    const mine = BASE.replace("One.", "One, mine.");
    expect(mergeEdits(BASE, mine, `${BASE}\n[[cite:x]]\n`)).toBe(`${mine}\n[[cite:x]]\n`);
  });
});
