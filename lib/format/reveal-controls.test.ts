import { describe, expect, it } from "vitest";
import { revealControls } from "./reveal-controls";

describe("revealControls", () => {
  it("writes out bidi overrides, isolates, marks and zero-width characters", () => {
    expect(revealControls("invoice\u202Efdp.exe")).toBe("invoice⟨U+202E⟩fdp.exe");
    expect(revealControls("\u2066a\u2069 \u200Badmin\u200D \uFEFFx \u061Cy")).toBe(
      "⟨U+2066⟩a⟨U+2069⟩ ⟨U+200B⟩admin⟨U+200D⟩ ⟨U+FEFF⟩x ⟨U+061C⟩y",
    );
  });

  it("leaves ordinary text alone, right-to-left scripts and emoji included", () => {
    for (const s of ["plain login ok", "مرحبا bob", "שלום", "👩‍💻 logged in", "tab\there", ""]) {
      // The emoji's zero-width joiner is a joiner too: only it is written out.
      expect(revealControls(s)).toBe(s.replace("\u200D", "⟨U+200D⟩"));
    }
    expect(revealControls(null)).toBeNull();
    expect(revealControls(undefined)).toBeUndefined();
  });
});
